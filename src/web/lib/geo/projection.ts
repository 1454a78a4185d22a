/**
 * Issue 17 §4: drawing a province without online tiles or boundary data (the public map's unit
 * points, the unit form's location picker). A province is drawn from what ships offline: the
 * centre of each of its kabupaten/kota (kabkota-centroids.json beside this file, source and
 * licence there) as reference marks, and units' coordinates as points. Longitude is scaled by the
 * cosine of the mean latitude (equirectangular), north up, fitted in the width.
 */
import centroids from './kabkota-centroids.json';

export type LatLon = readonly [number, number];

const CENTRES = centroids.points as unknown as Record<string, LatLon>;

/** The centres of a province's kabupaten/kota ("36" → { "36.01": [lat, lon], … }). */
export function provinceCentres(provinceCode: string): Record<string, LatLon> {
  return Object.fromEntries(Object.entries(CENTRES).filter(([code]) => code.split('.')[0] === provinceCode));
}

export interface Projection {
  width: number;
  height: number;
  /** [x, y] in pixels from the top-left. */
  at: (p: LatLon) => [number, number];
  /** The [latitude, longitude] at a pixel (the inverse of `at`). */
  latLonAt: (x: number, y: number) => [number, number];
}

/**
 * Fits every given point in `width` pixels (and at most `maxHeight`) with a margin, keeping the
 * scale the same both ways. One point alone (or all in one place) is drawn in the middle.
 */
export function fitProjection(points: readonly LatLon[], width: number, maxHeight: number, margin = 28): Projection {
  if (points.length === 0) return { width, height: 0, at: () => [width / 2, 0], latLonAt: () => [0, 0] };
  const lats = points.map((p) => p[0]);
  const lons = points.map((p) => p[1]);
  const k = Math.cos((((Math.max(...lats) + Math.min(...lats)) / 2) * Math.PI) / 180);
  const west = Math.min(...lons);
  const north = Math.max(...lats);
  const w = (Math.max(...lons) - west) * k;
  const h = north - Math.min(...lats);
  const innerW = Math.max(1, width - 2 * margin);
  const innerH = Math.max(1, maxHeight - 2 * margin);
  const scale =
    w === 0 && h === 0 ? 1 : Math.min(w > 0 ? innerW / w : Number.POSITIVE_INFINITY, h > 0 ? innerH / h : Number.POSITIVE_INFINITY);
  const drawnW = w * scale;
  const drawnH = h * scale;
  const height = Math.max(drawnH + 2 * margin, 2 * margin + 40);
  const left = (width - drawnW) / 2;
  const top = (height - drawnH) / 2;
  return {
    width,
    height,
    at: ([lat, lon]) => [left + (lon - west) * k * scale, top + (north - lat) * scale],
    latLonAt: (x, y) => [north - (y - top) / scale, west + (x - left) / (k * scale)],
  };
}

/** Where a label under a mark is anchored so it stays inside the drawing: its near edge at the sides. */
export function labelAnchor(x: number, width: number): 'start' | 'middle' | 'end' {
  if (x < width * 0.2) return 'start';
  if (x > width * 0.8) return 'end';
  return 'middle';
}
