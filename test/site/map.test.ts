import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelWidth, layoutLocatorMap, layoutPlaceMap, markerRadius, overlaps, placeLabels, segmentHitsBox, type MapMarker, type MapPlace } from '../../src/site/map';
import { world110m } from '../../src/site/world';

const place = (id: string, name: string, lat: number, lon: number, count: number): MapPlace => ({ id, name, coordinates: [lat, lon], count, path: `places/${id}/` });

/** Fixture places: the dense Central Asian capitals and countries, a few neighbours, and one far away. */
const places: MapPlace[] = [
  place('tajikistan', 'طاجيكستان', 38.86, 71.28, 5),
  place('dushanbe', 'دوشنبه', 38.54, 68.78, 2),
  place('kyrgyzstan', 'قيرغيزستان', 41.2, 74.77, 3),
  place('bishkek', 'بيشكك', 42.87, 74.59, 1),
  place('uzbekistan', 'أوزبكستان', 41.38, 64.59, 2),
  place('tashkent', 'طشقند', 41.3, 69.24, 1),
  place('afghanistan', 'أفغانستان', 33.94, 67.71, 5),
  place('kabul', 'كابول', 34.53, 69.17, 1),
  place('kazakhstan', 'كازاخستان', 48.02, 66.92, 5),
  place('astana', 'أستانا', 51.17, 71.45, 1),
  place('armenia', 'أرمينيا', 40.07, 45.04, 4),
  place('iraq', 'العراق', 33.22, 43.68, 1),
  place('havana', 'هافانا', 23.11, -82.37, 1),
];

function allLabelsFree(markers: readonly MapMarker[], labels: ReturnType<typeof placeLabels>['labels'], width: number, height: number): void {
  for (const label of labels) {
    expect(label.box.x0).toBeGreaterThanOrEqual(0);
    expect(label.box.y0).toBeGreaterThanOrEqual(0);
    expect(label.box.x1).toBeLessThanOrEqual(width);
    expect(label.box.y1).toBeLessThanOrEqual(height);
    for (const other of labels) if (other !== label) expect(overlaps(label.box, other.box), `${label.id} × ${other.id}`).toBe(false);
    for (const m of markers) {
      if (m.id === label.id) continue;
      const box = { x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r };
      expect(overlaps(label.box, box), `${label.id} over marker ${m.id}`).toBe(false);
      if (label.leader) expect(segmentHitsBox(label.leader.x1, label.leader.y1, label.leader.x2, label.leader.y2, box), `${label.id}'s leader over ${m.id}`).toBe(false);
    }
    for (const other of labels) {
      if (other === label || !other.leader) continue;
      const { x1, y1, x2, y2 } = other.leader;
      expect(segmentHitsBox(x1, y1, x2, y2, label.box), `${other.id}'s leader over label ${label.id}`).toBe(false);
    }
  }
}

describe('the places map', () => {
  const map = layoutPlaceMap(places, world110m);

  it('puts every nearby place inside the frame and lists the far one apart instead of stretching the map', () => {
    expect(map.offMap.map((p) => p.id)).toEqual(['havana']);
    expect(map.markers.map((m) => m.id).sort()).toEqual(places.filter((p) => p.id !== 'havana').map((p) => p.id).sort());
    for (const m of map.markers) {
      expect(m.x - m.r).toBeGreaterThanOrEqual(0);
      expect(m.x + m.r).toBeLessThanOrEqual(map.width);
      expect(m.y - m.r).toBeGreaterThanOrEqual(0);
      expect(m.y + m.r).toBeLessThanOrEqual(map.height);
    }
  });

  it('keeps north up and east to the right', () => {
    const at = (id: string) => map.markers.find((m) => m.id === id)!;
    expect(at('astana').y).toBeLessThan(at('kabul').y);
    expect(at('armenia').x).toBeLessThan(at('tajikistan').x);
  });

  it('sizes markers by area: the most mentioned largest, equal counts equal', () => {
    const r = (id: string) => map.markers.find((m) => m.id === id)!.r;
    expect(r('tajikistan')).toBe(r('afghanistan'));
    expect(r('tajikistan')).toBeGreaterThan(r('armenia'));
    expect(r('armenia')).toBeGreaterThan(r('kabul'));
    expect(markerRadius(4, 16, { min: 0, max: 10 })).toBeCloseTo(5);
    expect(markerRadius(0, 16, { min: 3, max: 10 })).toBe(3);
  });

  it('draws larger markers first so the small ones on top stay clickable', () => {
    const radii = map.markers.map((m) => m.r);
    expect(radii).toEqual([...radii].sort((a, b) => b - a));
  });

  it('labels in the dense Central Asian cluster never overlap each other, another marker or the frame, at both text sizes', () => {
    expect(map.layers.map((l) => l.fontSize)).toEqual([13, 22]);
    for (const layer of map.layers) {
      allLabelsFree(map.markers, layer.labels, map.width, map.height);
      // Every marker is either labelled or reported, never silently unnamed.
      expect([...layer.labels.map((l) => l.id), ...layer.unlabelled].sort()).toEqual(map.markers.map((m) => m.id).sort());
    }
    // The small text fits more names than the large one, and names most of the places.
    expect(map.layers[0]!.labels.length).toBeGreaterThanOrEqual(map.layers[1]!.labels.length);
    expect(map.layers[0]!.labels.length).toBeGreaterThanOrEqual(9);
  });

  it('labels the most mentioned places first', () => {
    const wide = map.layers[1]!;
    for (const id of ['tajikistan', 'afghanistan', 'kazakhstan']) expect(wide.labels.map((l) => l.id)).toContain(id);
  });

  it('writes land and borders as whole-pixel path data, small enough to inline', () => {
    expect(map.land).toMatch(/^M/);
    expect(map.borders).toMatch(/^M/);
    expect(`${map.land}${map.borders}`).not.toMatch(/\d\.\d/);
    expect(map.land.length + map.borders.length).toBeLessThan(40_000);
  });

  it('gives the same map for the same places in any order', () => {
    const again = layoutPlaceMap([...places].reverse(), world110m);
    expect(again).toEqual(map);
  });

  it('still draws a region around a single place', () => {
    const one = layoutPlaceMap([places[0]!], world110m);
    expect(one.markers).toHaveLength(1);
    expect(one.height).toBeGreaterThan(0);
    // Central Asia is all land at this scale: the land fills the frame and the borders carry the map.
    expect(one.land).toMatch(/^M/);
    expect(one.borders.length).toBeGreaterThan(100);
  });
});

describe('label placement', () => {
  it('never overlaps, whatever the cluster', () => {
    const marker = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }), count: fc.nat(20), name: fc.constantFrom('دوشنبه', 'طشقند', 'قيرغيزستان', 'الولايات المتحدة', 'كابول') });
    fc.assert(
      fc.property(fc.array(marker, { maxLength: 25 }), (specs) => {
        const markers: MapMarker[] = specs.map((s, i) => ({ id: `p${i}`, name: s.name, coordinates: [0, 0], count: s.count, path: '', x: s.x, y: s.y, r: markerRadius(s.count, 20, { min: 3, max: 12 }) }));
        const layer = placeLabels(markers, 400, 300, 13);
        allLabelsFree(markers, layer.labels, 400, 300);
        expect(layer.labels.length + layer.unlabelled.length).toBe(markers.length);
      }),
    );
  });

  it('puts a lone label beside its marker, to its left as Arabic reads on, anchored at its right edge', () => {
    const m: MapMarker = { id: 'a', name: 'كابول', coordinates: [0, 0], count: 1, path: '', x: 200, y: 100, r: 5 };
    const [label] = placeLabels([m], 400, 300, 13).labels;
    expect(label).toMatchObject({ anchor: 'start', x: 192 });
    expect(label!.box.x1).toBe(193);
    expect(label!.box.x1 - label!.box.x0).toBeCloseTo(labelWidth('كابول', 13) + 2);
  });
});

describe('leader lines', () => {
  it('join a label set away from a crowded marker to that marker, from its rim to the label', () => {
    // At phone size the capitals crowd Tajikistan and Kyrgyzstan: some labels must stand off.
    const map = layoutPlaceMap(places, world110m);
    const withLeaders = map.layers[1]!.labels.filter((l) => l.leader);
    expect(withLeaders.length).toBeGreaterThan(0);
    for (const label of withLeaders) {
      const marker = map.markers.find((m) => m.id === label.id)!;
      const { x1, y1, x2, y2 } = label.leader!;
      expect(Math.hypot(x1 - marker.x, y1 - marker.y)).toBeCloseTo(marker.r, 0);
      // Leader ends are written to a tenth of a unit.
      expect(x2 >= label.box.x0 - 0.05 && x2 <= label.box.x1 + 0.05 && y2 >= label.box.y0 - 0.05 && y2 <= label.box.y1 + 0.05).toBe(true);
    }
  });

  it('find segments crossing a box and miss those that pass by', () => {
    const box = { x0: 10, y0: 10, x1: 20, y1: 20 };
    expect(segmentHitsBox(0, 15, 30, 15, box)).toBe(true);
    expect(segmentHitsBox(0, 0, 9, 30, box)).toBe(false);
    expect(segmentHitsBox(15, 15, 16, 16, box)).toBe(true);
    expect(segmentHitsBox(0, 25, 30, 25, box)).toBe(false);
  });
});

describe('the locator map', () => {
  it('centres the place and draws the land around it', () => {
    const locator = layoutLocatorMap([38.54, 68.78], world110m);
    expect(locator).toMatchObject({ width: 240, height: 160, x: 120, y: 80 });
    expect(locator.land.length).toBeGreaterThan(100);
    expect(locator.land.length + locator.borders.length).toBeLessThan(8_000);
  });
});
