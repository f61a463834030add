/**
 * The engine's configuration: one {@code key = value} file format, a registry of every setting with its default,
 * unit, range and meaning (the docs table is generated from it), and validation that says exactly what is wrong.
 */
package io.bitmm.app.config;
