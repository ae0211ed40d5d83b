/**
 * dpr — deep phase retrieval of single-shot coherent diffraction patterns.
 *
 * <p>Data flows one way: source ({@code io}, {@code simulate}) → {@code preprocess} →
 * reconstruct ({@code retrieve}, {@code nn}) → evaluate/report ({@code metrics}, {@code report})
 * → sink ({@code io}). The {@code cli} package is a thin shell over these Java APIs.
 * {@link org.dpr.DprException} is the root of the unchecked exception family.
 */
package org.dpr;
