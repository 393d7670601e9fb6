/**
 * Maps of the archive's places, computed at build time: project the places and Natural Earth land
 * and borders (world-atlas TopoJSON) with d3-geo, clip to the region the places cover, and place
 * right-to-left labels where they collide with nothing. Pure: topology and places in, SVG path
 * strings and coordinates out; the components only write them into SVG.
 */
import { geoAzimuthalEqualArea, geoCircle, geoDistance, geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, GeoJsonObject, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The TopoJSON shape of world-atlas's `countries-*.json`: country polygons and the land they make. */
export type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

/** A place to put on a map: where it is, how many articles mention it and the page it links to. */
export interface MapPlace {
  id: string;
  name: string;
  /** [latitude, longitude] in degrees, as the gazetteer writes them. */
  coordinates: readonly [number, number];
  count: number;
  /** Site path of the place's page. */
  path: string;
}

/** A marker on the map: a circle whose area grows with the number of articles. */
export interface MapMarker extends MapPlace {
  x: number;
  y: number;
  r: number;
}

/** A label drawn in right-to-left text; `anchor` is SVG's text-anchor under `direction: rtl`. */
interface MapLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** The box the label is estimated to cover, for collision checks and tests. */
  box: Box;
  /** A line from the marker's rim to a label set away from it, when nothing closer was free. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

/** An axis-aligned box in map pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One set of labels drawn at one font size (the map keeps two: for wide and for narrow screens). */
export interface LabelLayer {
  fontSize: number;
  labels: MapLabel[];
  /** Ids of markers whose label found no free spot; the list beside the map names them. */
  unlabelled: string[];
}

/** The places index map. */
export interface PlaceMap {
  width: number;
  height: number;
  /** SVG path data of the land and of the borders between countries, clipped to the map. */
  land: string;
  borders: string;
  /** Largest markers first, so smaller ones are drawn on top and stay clickable. */
  markers: MapMarker[];
  /** Places with coordinates too far from the region to fit on its map. */
  offMap: MapPlace[];
  layers: LabelLayer[];
}

/** Options of the places index map; pixel values are in the SVG's own units (its viewBox). */
export interface PlaceMapOptions {
  width: number;
  /** Places farther than this (degrees of arc) from the region's centre are listed, not drawn. */
  maxRadius: number;
  /** The smallest region shown, as a radius in degrees around its centre. */
  minRadius: number;
  margin: number;
  radius: { min: number; max: number };
  /** Font sizes of the label layers, one layer each (e.g. one for wide screens, a larger one for phones). */
  fontSizes: readonly number[];
  /** Decimal digits kept in path data: 0 is a pixel, plenty at this scale and far smaller. */
  digits: number;
}

/** Defaults used by the places index. */
const placeMapDefaults: PlaceMapOptions = {
  width: 640,
  maxRadius: 50,
  minRadius: 8,
  margin: 44,
  radius: { min: 3.5, max: 13 },
  fontSizes: [13, 22],
  digits: 0,
};

const landCache = new WeakMap<WorldTopology, { land: FeatureCollection | Feature; borders: MultiLineString }>();

/** Land and inner borders of a topology as GeoJSON, converted once per topology. */
function worldShapes(topology: WorldTopology): { land: FeatureCollection | Feature; borders: MultiLineString } {
  let shapes = landCache.get(topology);
  if (shapes === undefined) {
    shapes = {
      land: feature(topology, topology.objects.land) as FeatureCollection | Feature,
      // Each border once, and no coastline: the land's own edge draws the coast.
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
    landCache.set(topology, shapes);
  }
  return shapes;
}

/** A path generator writing at most `digits` decimals (d3-geo ≥ 3.1; the typings predate it). */
function pathWithDigits(projection: GeoProjection, digits: number): GeoPath {
  return (geoPath(projection) as GeoPath & { digits(d: number): GeoPath }).digits(digits);
}

/** [lon, lat], the order GeoJSON and d3-geo use, from the gazetteer's [lat, lon]. */
function lonLat(coordinates: readonly [number, number]): [number, number] {
  return [coordinates[1], coordinates[0]];
}

const toRad = Math.PI / 180;

/** The centre of places on the sphere, each weighted by its articles plus one (so none weighs nothing). */
function weightedCentre(places: readonly MapPlace[]): [number, number] {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const place of places) {
    const [lat, lon] = place.coordinates;
    const w = place.count + 1;
    x += w * Math.cos(lat * toRad) * Math.cos(lon * toRad);
    y += w * Math.cos(lat * toRad) * Math.sin(lon * toRad);
    z += w * Math.sin(lat * toRad);
  }
  const lon = Math.atan2(y, x) / toRad;
  const lat = Math.atan2(z, Math.hypot(x, y)) / toRad;
  return [lon, lat];
}

/** Marker radius: the circle's area is proportional to the count, from `min` (none) to `max` (the most). */
export function markerRadius(count: number, max: number, radius: { min: number; max: number }): number {
  if (max <= 0) return radius.min;
  return radius.min + (radius.max - radius.min) * Math.sqrt(Math.max(0, count) / max);
}

/** Estimated width of an Arabic label: Noto Sans Arabic averages about 0.55 em a letter; 0.6 errs wide. */
export function labelWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += char === ' ' ? 0.3 : 0.6;
  return width * fontSize;
}

/** True when two boxes overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** True when the segment from (x1, y1) to (x2, y2) crosses the box (Liang–Barsky clipping). */
export function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: Array<[number, number]> = [
    [-dx, x1 - box.x0],
    [dx, box.x1 - x1],
    [-dy, y1 - box.y0],
    [dy, box.y1 - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** The 8 directions a label may lie in from its marker: [dx, dy], left first as Arabic reads on. */
const directions: ReadonlyArray<readonly [number, number]> = [
  [-1, 0], [1, 0], [0, -1], [0, 1], [-1, -1], [1, -1], [-1, 1], [1, 1],
];

/**
 * Where a label may go around its marker, in order of preference: touching it (beside, above,
 * below, diagonally, above or below slid sideways, beside but half a line up or down), then one to
 * three text heights away with a leader line back to the marker, for the crowded clusters where
 * nothing touching is free.
 */
function candidates(marker: MapMarker, text: string, fontSize: number): MapLabel[] {
  const w = labelWidth(text, fontSize);
  const gap = 3;
  // Ink above and below the baseline in Noto Sans Arabic: hamza on alef reaches 0.95 em, dots
  // under yeh 0.42 em (measured with canvas measureText); rounded up for a little air.
  const ascent = fontSize * 1.0;
  const descent = fontSize * 0.45;
  const height = ascent + descent;
  /** A label whose box is centred vertically on `cy`, its horizontal extent given by `x0`. */
  const at = (x0: number, cy: number, anchor: MapLabel['anchor'], leader: boolean): MapLabel => {
    const y = cy + (ascent - descent) / 2;
    // Under `direction: rtl`, text-anchor start is the label's right edge and end its left edge:
    // the text is anchored on the side facing its marker, so a narrower real text never drifts off.
    const x = anchor === 'start' ? x0 + w : anchor === 'end' ? x0 : x0 + w / 2;
    const label: MapLabel = { id: marker.id, text, x: round1(x), y: round1(y), anchor, box: { x0: x0 - 1, y0: y - ascent - 1, x1: x0 + w + 1, y1: y + descent + 1 } };
    if (leader) {
      // From the marker's rim towards the nearest point of the label's box.
      const nx = Math.min(Math.max(marker.x, label.box.x0), label.box.x1);
      const ny = Math.min(Math.max(marker.y, label.box.y0), label.box.y1);
      const len = Math.hypot(nx - marker.x, ny - marker.y) || 1;
      label.leader = { x1: round1(marker.x + ((nx - marker.x) * marker.r) / len), y1: round1(marker.y + ((ny - marker.y) * marker.r) / len), x2: round1(nx), y2: round1(ny) };
    }
    return label;
  };
  /** The label placed `distance` beyond the marker's rim in direction (dx, dy). */
  /** `shift` moves a label beside its marker up or down, still level with the marker. */
  const toward = ([dx, dy]: readonly [number, number], distance: number, leader: boolean, shift = 0): MapLabel => {
    const reach = marker.r * (dx !== 0 && dy !== 0 ? 0.7 : 1) + distance;
    const cx = marker.x + dx * reach;
    const cy = dy === 0 ? marker.y + shift : marker.y + dy * (reach + height / 2);
    const x0 = dx < 0 ? cx - w : dx > 0 ? cx : cx - w / 2;
    return at(x0, cy, dx < 0 ? 'start' : dx > 0 ? 'end' : 'middle', leader);
  };
  // Beside the marker, half a text height up or down: room between two rows of labels.
  const besideShifted = (distance: number, leader: boolean) =>
    [-1, 1].flatMap((dx) => [height / 2, -height / 2].map((shift) => toward([dx, 0], distance, leader, shift)));
  const spots = directions.map((d) => toward(d, gap, false));
  // Above or below, slid sideways so the label clears a neighbour on one side.
  for (const dy of [-1, 1]) {
    const cy = marker.y + dy * (marker.r + gap + height / 2);
    spots.push(at(marker.x + marker.r - w, cy, 'start', false), at(marker.x - marker.r, cy, 'end', false));
  }
  spots.push(...besideShifted(gap, false));
  for (const steps of [1, 2, 3]) spots.push(...directions.map((d) => toward(d, gap + steps * height, true)), ...besideShifted(gap + steps * height, true));
  return spots;
}

/**
 * Label markers greedily, most-mentioned first: each label takes the first spot that stays inside
 * the map and whose text and leader cross no label or leader already placed and no other marker.
 * A label that finds no spot is left out (and reported), never drawn over another.
 */
export function placeLabels(markers: readonly MapMarker[], width: number, height: number, fontSize: number): LabelLayer {
  const order = [...markers].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ar') || (a.id < b.id ? -1 : 1));
  const markerBoxes = markers.map((m) => ({ id: m.id, box: { x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r } }));
  const placed: MapLabel[] = [];
  const unlabelled: string[] = [];
  const crosses = (leader: NonNullable<MapLabel['leader']>, box: Box) => segmentHitsBox(leader.x1, leader.y1, leader.x2, leader.y2, box);
  for (const marker of order) {
    const spot = candidates(marker, marker.name, fontSize).find((label) => {
      const { box, leader } = label;
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) return false;
      for (const other of placed) {
        if (overlaps(box, other.box)) return false;
        if (other.leader && crosses(other.leader, box)) return false;
        if (leader && crosses(leader, other.box)) return false;
      }
      for (const other of markerBoxes) {
        if (other.id === marker.id) continue;
        if (overlaps(box, other.box)) return false;
        if (leader && crosses(leader, other.box)) return false;
      }
      return true;
    });
    if (spot) placed.push(spot);
    else unlabelled.push(marker.id);
  }
  return { fontSize, labels: placed, unlabelled };
}

/**
 * The places index map: centred on the places (weighted by articles), fitted to them with a
 * margin, land and borders clipped to the frame. Places too far from the centre for one regional
 * map are returned in `offMap` instead of stretching it to the whole world.
 */
export function layoutPlaceMap(places: readonly MapPlace[], topology: WorldTopology, options: Partial<PlaceMapOptions> = {}): PlaceMap {
  const o = { ...placeMapDefaults, ...options };
  const centre = weightedCentre(places.length > 0 ? places : []);
  const near = (p: MapPlace) => geoDistance(lonLat(p.coordinates), centre) / toRad <= o.maxRadius;
  const onMap = places.filter(near);
  const offMap = places.filter((p) => !near(p));
  const fitTo: GeoJsonObject = {
    type: 'GeometryCollection',
    geometries: [
      geoCircle().center(centre).radius(o.minRadius)() as Geometry,
      ...(onMap.length > 0 ? [{ type: 'MultiPoint', coordinates: onMap.map((p) => lonLat(p.coordinates)) } as Geometry] : []),
    ],
  } as GeoJsonObject;
  const projection = geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).clipAngle(90);
  // The height follows the places' own shape, within bounds that keep the map a landscape.
  projection.fitWidth(o.width - 2 * o.margin, fitTo as never);
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(fitTo as never);
  const aspect = (y1 - y0) / Math.max(1e-9, x1 - x0);
  const height = Math.round(Math.min(o.width * 0.8, Math.max(o.width * 0.5, (o.width - 2 * o.margin) * aspect + 2 * o.margin)));
  projection.fitExtent(
    [
      [o.margin, o.margin],
      [o.width - o.margin, height - o.margin],
    ],
    fitTo as never,
  );
  projection.clipExtent([
    [0, 0],
    [o.width, height],
  ]);
  const path = pathWithDigits(projection, o.digits);
  const shapes = worldShapes(topology);
  const max = Math.max(0, ...onMap.map((p) => p.count));
  const markers: MapMarker[] = onMap
    .map((p) => {
      const [x, y] = projection(lonLat(p.coordinates)) ?? [Number.NaN, Number.NaN];
      return { ...p, x: round1(x), y: round1(y), r: round1(markerRadius(p.count, max, o.radius)) };
    })
    .sort((a, b) => b.r - a.r || (a.id < b.id ? -1 : 1));
  return {
    width: o.width,
    height,
    land: path(shapes.land as never) ?? '',
    borders: path(shapes.borders) ?? '',
    markers,
    offMap,
    layers: o.fontSizes.map((size) => placeLabels(markers, o.width, height, size)),
  };
}

/** A place page's locator: a small map centred on the place. */
export interface LocatorMap {
  width: number;
  height: number;
  land: string;
  borders: string;
  x: number;
  y: number;
}

/** A small map of the `radius` degrees around a place, the place at its centre. */
export function layoutLocatorMap(coordinates: readonly [number, number], topology: WorldTopology, options: { width?: number; height?: number; radius?: number; digits?: number } = {}): LocatorMap {
  const { width = 240, height = 160, radius = 14, digits = 0 } = options;
  const centre = lonLat(coordinates);
  const projection = geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).clipAngle(90);
  projection.fitExtent(
    [
      [0, 0],
      [width, height],
    ],
    geoCircle().center(centre).radius(radius)() as never,
  );
  // The circle fits the height; the width shows more on either side, as far as the frame goes.
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = pathWithDigits(projection, digits);
  const shapes = worldShapes(topology);
  const [x, y] = projection(centre) ?? [width / 2, height / 2];
  return { width, height, land: path(shapes.land as never) ?? '', borders: path(shapes.borders) ?? '', x: round1(x), y: round1(y) };
}
