import type { Palette } from "./assets"

/** The six digital products a fresh development shop starts with. Prices are AUD cents, GST-inclusive. */
export type SeedProduct = {
  handle: string
  title: string
  subtitle: string
  description: string
  priceCents: number
  palette: Palette
  archiveName: string
  files: { name: string; bytes: number }[]
}

export const SEED_PRODUCTS: SeedProduct[] = [
  {
    handle: "nightfall-texture-pack",
    title: "Nightfall Texture Pack",
    subtitle: "24 seamless dusk textures",
    description:
      "Twenty-four seamless, tileable textures photographed after sundown: slate, wet asphalt, moonlit sand and more, at 4K. Ready for 3D, print and the web.",
    priceCents: 1999,
    palette: { from: [24, 22, 58], to: [92, 56, 120], accent: [255, 196, 120] },
    archiveName: "nightfall-texture-pack.zip",
    files: [
      { name: "textures/slate.raw", bytes: 180_000 },
      { name: "textures/asphalt.raw", bytes: 160_000 },
    ],
  },
  {
    handle: "vesper-serif-font-family",
    title: "Vesper Serif Font Family",
    subtitle: "Six weights, OpenType and web fonts",
    description:
      "A warm, high-contrast serif drawn for long evening reads. Six weights with italics, old-style figures and ligatures, as OTF and WOFF2.",
    priceCents: 4900,
    palette: { from: [46, 16, 40], to: [150, 60, 80], accent: [255, 230, 200] },
    archiveName: "vesper-serif.zip",
    files: [
      { name: "otf/VesperSerif-Regular.otf", bytes: 96_000 },
      { name: "woff2/VesperSerif-Regular.woff2", bytes: 48_000 },
    ],
  },
  {
    handle: "dusk-lightroom-presets",
    title: "Dusk Lightroom Presets",
    subtitle: "18 presets for golden and blue hour",
    description:
      "Eighteen Lightroom presets tuned on thousands of twilight photographs: soft golden hour, cool blue hour and city-lights night.",
    priceCents: 2999,
    palette: { from: [70, 30, 20], to: [220, 120, 70], accent: [255, 240, 210] },
    archiveName: "dusk-presets.zip",
    files: [{ name: "presets/dusk.xmp", bytes: 24_000 }],
  },
  {
    handle: "aurora-ui-icon-set",
    title: "Aurora UI Icon Set",
    subtitle: "640 icons in three styles",
    description:
      "Six hundred and forty interface icons on a 24 px grid, in outline, solid and duotone, as SVG and a Figma library.",
    priceCents: 3900,
    palette: { from: [10, 40, 60], to: [30, 130, 120], accent: [170, 255, 210] },
    archiveName: "aurora-icons.zip",
    files: [{ name: "svg/icons.bin", bytes: 120_000 }],
  },
  {
    handle: "coastline-field-recordings",
    title: "Coastline Field Recordings",
    subtitle: "2 hours of evening shoreline audio",
    description:
      "Two hours of 24-bit field recordings from the southern coast at dusk: waves on shingle, rock pools, gulls and wind. Royalty-free for film and games.",
    priceCents: 1499,
    palette: { from: [12, 30, 50], to: [40, 90, 140], accent: [200, 230, 255] },
    archiveName: "coastline-recordings.zip",
    files: [{ name: "audio/shoreline-01.raw", bytes: 400_000 }],
  },
  {
    handle: "southern-sky-star-charts",
    title: "Southern Sky Star Charts",
    subtitle: "Printable charts for every month",
    description:
      "Twelve printable star charts of the southern sky, one for each month, with constellations, bright stars and planets' paths. A4 and A3 PDFs.",
    priceCents: 999,
    palette: { from: [5, 8, 30], to: [30, 40, 90], accent: [255, 255, 255] },
    archiveName: "southern-sky-charts.zip",
    files: [{ name: "charts/charts.bin", bytes: 64_000 }],
  },
]

/** Countries in the GST-free "International" region (exports of digital goods). */
export const INTERNATIONAL_COUNTRIES = [
  "nz", "us", "ca", "gb", "ie", "de", "fr", "nl", "be", "es", "it", "pt", "se", "dk", "no", "fi",
  "at", "ch", "jp", "sg", "hk", "kr", "in", "za", "br", "mx",
]
