// Writes src/main/resources/org/briefing/graphics/world-countries.txt, the country outlines the
// build draws its map from, once, from Natural Earth's 1:50m countries (public domain) as the
// npm package world-atlas ships them. Run again only to change the simplification:
//   cd tools/map && npm install && node simplify.mjs
// Each line: ISO alpha-2 code, a tab, then rings separated by ";", each ring "lon,lat lon,lat ..."
// in hundredths of a degree. Rings are simplified (Douglas-Peucker, TOLERANCE degrees) and
// islands smaller than MIN_AREA square degrees are dropped unless they are all a country has.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const TOLERANCE = 0.12;
const MIN_AREA = 0.25;
const OUT = "../../src/main/resources/org/briefing/graphics/world-countries.txt";

const topo = JSON.parse(readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const geo = feature(topo, topo.objects.countries);

function perpendicular(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function simplify(points, tol) {
  if (points.length < 3) return points;
  let max = 0, index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > max) { max = d; index = i; }
  }
  if (max <= tol) return [points[0], points[points.length - 1]];
  const left = simplify(points.slice(0, index + 1), tol);
  const right = simplify(points.slice(index), tol);
  return left.slice(0, -1).concat(right);
}

function area(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  }
  return Math.abs(s / 2);
}

const lines = [];
for (const f of geo.features) {
  const code = countries.numericToAlpha2(f.id);
  if (!code || !f.geometry) continue;
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  // outer rings only: lakes and enclaves do not show at this scale
  let rings = polygons.map((p) => p[0]);
  const largest = Math.max(...rings.map(area));
  rings = rings.filter((r) => area(r) >= Math.min(MIN_AREA, largest));
  const out = [];
  for (const ring of rings) {
    const tol = area(ring) < 4 ? TOLERANCE / 4 : TOLERANCE;
    let s = simplify(ring, tol).map(([x, y]) => [Math.round(x * 100), Math.round(y * 100)]);
    s = s.filter((p, i) => i === 0 || p[0] !== s[i - 1][0] || p[1] !== s[i - 1][1]);
    if (s.length >= 4) out.push(s.slice(0, -1).map((p) => p.join(",")).join(" "));
  }
  if (out.length) lines.push(code + "\t" + out.join(";"));
}
lines.sort();
writeFileSync(OUT, "# Natural Earth 1:50m countries (public domain), simplified by tools/map/simplify.mjs\n"
  + lines.join("\n") + "\n");
console.log(lines.length + " countries");
