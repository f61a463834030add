/**
 * The quoting strategy: fair value from the book (mid or micro-price), a reservation price skewed against
 * inventory (Avellaneda-Stoikov or GLFT), a spread floor and N levels per side, rounded away from the touch to
 * the instrument's grid. Pure functions of their inputs; requote decisions live in the engine.
 */
package io.bitmm.core.quoting;
