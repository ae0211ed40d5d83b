/**
 * Pictures for people and for other programs: a diffraction pattern on a log scale
 * ({@code log10(1 + photons)}) through the perceptually uniform viridis map with a labelled colour
 * bar and missing pixels in grey ({@link org.dpr.io.image.PatternPicture}); an object on a linear
 * grey scale ({@link org.dpr.io.image.ObjectPicture}); 32-bit float TIFFs that Fiji/ImageJ open
 * with exact values ({@link org.dpr.io.image.FloatTiff}). Everything draws with headless AWT and
 * the JDK's ImageIO, and is written atomically.
 */
package org.dpr.io.image;
