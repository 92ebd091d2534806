// Regenerates the PNG icons from app/icon.svg: `node scripts/gen-icons.mjs` (run it after changing the SVG and commit
// the PNGs). Committed rather than built: sharp comes with Next only as an optional native dependency, so the build
// must not need it, and the icon changes far less often than the site is built.
//
// - public/icons/icon-{192,512}.png: the SVG as drawn (rounded square, transparent corners), manifest purpose "any".
// - public/icons/maskable-512.png: full-bleed background, the bars scaled into the central safe zone (a circle of
//   40 % of the size), manifest purpose "maskable": launchers crop it to their own shape.
// - app/apple-icon.png (180): full-bleed as iOS wants (it rounds the corners itself); Next links it as
//   apple-touch-icon from the file name.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const svg = readFileSync(path.join(root, 'app/icon.svg'), 'utf8');

// The SVG's first <rect> is the rounded background, the others the three bars (checked, so an edit cannot silently
// produce a wrong maskable icon).
const rects = svg.match(/<rect\b[^>]*\/>/g) ?? [];
if (rects.length < 2 || !/width="32" height="32"/.test(rects[0])) throw new Error('gen-icons: app/icon.svg no longer starts with a 32×32 background <rect>');
const [background, ...bars] = rects;
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${background.replace(/\s+rx="[^"]*"/, '')}` +
  `<g transform="translate(16 16) scale(${scale}) translate(-16 -16)">${bars.join('')}</g></svg>`;

const outputs = [
  ['public/icons/icon-192.png', svg, 192],
  ['public/icons/icon-512.png', svg, 512],
  // The bars' corners reach 13.04 units from the centre (of 16): at 0.78 that is 32 % of the size, inside the 40 % circle.
  ['public/icons/maskable-512.png', fullBleed(0.78), 512],
  ['app/apple-icon.png', fullBleed(0.9), 180],
];
for (const [file, source, size] of outputs) {
  const png = await sharp(Buffer.from(source), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
  writeFileSync(path.join(root, file), png);
  console.log(`${file}: ${size}×${size}, ${png.length} B`);
}
