package io.bitmm.core.quoting;

/**
 * How the reservation price and half spread follow from fair value and inventory.
 */
public enum SkewModel
{
    /**
     * Avellaneda-Stoikov (2008), horizon 1: reservation = fv - q.gamma.sigma^2, half spread =
     * gamma.sigma^2 / 2 + ln(1 + gamma / kappa) / gamma.
     */
    AVELLANEDA_STOIKOV,
    /**
     * Gueant-Lehalle-Fernandez-Tapia closed-form approximation: c1 = ln(1 + gamma / kappa) / gamma,
     * c2 = sqrt(gamma / (2.A.kappa) x (1 + gamma / kappa)^(1 + kappa / gamma)); half spread = c1 + sigma.c2 / 2,
     * reservation = fv - q.sigma.c2.
     */
    GLFT
}
