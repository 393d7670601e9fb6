/**
 * The Natural Earth land and country borders the maps are drawn from (world-atlas, 1:110m), bundled
 * at build time: no tile server, nothing fetched from another host. 1:110m keeps the places index
 * map near 16 KB of path data over a continent-wide region; 1:50m would be eight times that.
 */
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { WorldTopology } from './map';

/** Natural Earth 1:110m countries and land as TopoJSON. */
export const world110m = countries110m as unknown as WorldTopology;
