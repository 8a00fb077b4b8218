// The catalog's building blocks: categories and the product types inside them. Price bands,
// variant shapes and seasonality live per type (not per category) because a beanie and a pair
// of sunglasses share a category but neither their price nor their selling season.

import type { Seasonality } from './demo-store.types';

export interface DemoCategory {
  name: string;
  code: string;
  /** Share of the catalog; the mix of a typical outdoor-apparel store. */
  share: number;
  vendors: readonly string[];
  fits: readonly string[];
  /** Fit advice makes no sense for unsized items like sunglasses or wallets. */
  fitsNeedSizes?: boolean;
  features: readonly string[];
}

export interface DemoProductType {
  category: string;
  noun: string;
  seasonality: Seasonality;
  priceDollars: readonly [number, number];
  /** Men's / Women's prefixes only make sense for fitted apparel and shoes. */
  gendered: boolean;
  sizes?: readonly string[];
  colorCount?: readonly [number, number];
  /** An option whose values change the price, e.g. a 3-person tent costs more than a 2-person one. */
  pricedOption?: { name: string; values: readonly (readonly [string, number])[] };
  materials: readonly string[];
  pitches: readonly string[];
}

const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const OUTERWEAR_SIZES = ['S', 'M', 'L', 'XL', 'XXL'] as const;
const SHOE_SIZES = ['6', '7', '8', '9', '10', '11', '12', '13'] as const;
const HOUSE_BRAND = 'Demo Outfitters';

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    name: 'Jackets', code: 'JKT', share: 0.14,
    vendors: [HOUSE_BRAND, HOUSE_BRAND, 'Northbound Supply Co.', 'Trailwise'],
    fits: [
      'Regular fit with enough room for a midlayer underneath; most customers take their usual size.',
      'Cut slightly longer at the back to keep you covered when you reach or ride.',
      'Relaxed, boxy fit — size down if you prefer a closer silhouette.',
    ],
    features: [
      'Deep hand pockets and an interior chest pocket keep your phone and keys secure.',
      'Articulated sleeves let you reach and lift without the hem riding up.',
      'Small reflective details at the back help you stay visible on dark evenings.',
      'Every seam is finished inside, so it looks as good open as closed.',
    ],
  },
  {
    name: 'Tees', code: 'TEE', share: 0.2,
    vendors: [HOUSE_BRAND, HOUSE_BRAND, HOUSE_BRAND, 'Harbor Basics'],
    fits: [
      'Classic fit through the chest and body with a slightly dropped shoulder.',
      'Slim fit; size up if you are between sizes or prefer a looser drape.',
      'Relaxed fit that holds its shape wash after wash.',
    ],
    features: [
      'Pre-shrunk, so it keeps its length after the first wash.',
      'Taped shoulder seams and a ribbed collar keep the neckline from stretching out.',
      'A side-seamed body means the seams stay put instead of twisting.',
    ],
  },
  {
    name: 'Knitwear', code: 'KNT', share: 0.12,
    vendors: [HOUSE_BRAND, HOUSE_BRAND, 'Fjord Knitting Mills'],
    fits: [
      'Regular fit that layers easily over a tee or a collared shirt.',
      'Relaxed fit with ribbed cuffs and hem; true to size.',
      'Close fit designed to sit under a jacket — size up for a looser look.',
    ],
    features: [
      'Knitted on traditional flatbed machines in a family-run mill.',
      'Reinforced elbows help it stand up to years of wear.',
      'Fully fashioned shoulders mean no bulky seams under a backpack strap.',
    ],
  },
  {
    name: 'Footwear', code: 'FTW', share: 0.14,
    vendors: [HOUSE_BRAND, 'Alder & Ash Footwear', 'Stride Works'],
    fits: [
      'True to size with a roomy toe box; half sizes should size up.',
      'Runs about half a size small — we recommend ordering half a size up.',
      'Medium width; the removable insole makes room for orthotics.',
    ],
    features: [
      'A grippy rubber outsole handles wet pavement and loose trail alike.',
      'Every pair is inspected by hand before it leaves the factory.',
      'A gusseted tongue keeps out grit and small stones.',
    ],
  },
  {
    name: 'Bags', code: 'BAG', share: 0.12,
    vendors: [HOUSE_BRAND, HOUSE_BRAND, 'Harbor Bag Co.'],
    fits: [
      'Padded, adjustable straps spread the load across your shoulders.',
      'Sized to fit under most airline seats.',
    ],
    features: [
      'Interior organiser pockets stop small things from sinking to the bottom.',
      'YKK zippers and bar-tacked stress points are built for daily use.',
      'A hidden back pocket keeps your passport and wallet out of reach of pickpockets.',
      'The water-resistant base lets you set it down on wet ground.',
    ],
  },
  {
    name: 'Accessories', code: 'ACC', share: 0.16,
    vendors: [HOUSE_BRAND, HOUSE_BRAND, 'Kestrel Eyewear', 'Northbound Supply Co.'],
    // Only sized accessories (gloves, belts, socks) get a fit sentence; see fitsNeedSizes.
    fits: ['Sized generously; see the size chart on this page for measurements.', 'If you are between sizes, we recommend the larger one.'],
    fitsNeedSizes: true,
    features: [
      'Comes in a recycled-cardboard gift box.',
      'A small woven label is the only branding.',
      'Made in small batches, so colours can vary slightly between runs.',
    ],
  },
  {
    name: 'Outdoor Gear', code: 'GEAR', share: 0.12,
    vendors: [HOUSE_BRAND, 'Trailwise', 'Northbound Supply Co.'],
    fits: ['Trail-tested by our staff on three seasons of weekend trips.'],
    features: [
      'Covered by our warranty against manufacturing defects.',
      'Every part can be replaced individually through our repair program.',
      'Light enough for backpacking, tough enough for car camping with kids.',
    ],
  },
];

export const DEMO_PRODUCT_TYPES: readonly DemoProductType[] = [
  { category: 'Jackets', noun: 'Down Parka', seasonality: 'winter', priceDollars: [240, 350], gendered: true, sizes: OUTERWEAR_SIZES, colorCount: [2, 3], materials: ['down', 'nylon'], pitches: ['built for the coldest weeks of the year, with a hood that cinches tight against the wind', 'a thigh-length parka that keeps you warm at a bus stop in January'] },
  { category: 'Jackets', noun: 'Insulated Jacket', seasonality: 'winter', priceDollars: [160, 260], gendered: true, sizes: OUTERWEAR_SIZES, colorCount: [2, 3], materials: ['synthetic-fill', 'nylon'], pitches: ['a light, packable layer that stays warm even when it gets damp', 'our go-to jacket for cold commutes and shoulder-season hikes'] },
  { category: 'Jackets', noun: 'Wool Overcoat', seasonality: 'winter', priceDollars: [260, 340], gendered: true, sizes: OUTERWEAR_SIZES, colorCount: [1, 2], materials: ['wool'], pitches: ['a tailored overcoat that works over a suit or a hoodie', 'a clean, knee-length coat for cold city days'] },
  { category: 'Jackets', noun: 'Rain Shell', seasonality: 'flat', priceDollars: [120, 200], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['waterproof'], pitches: ['a fully seam-taped shell for the wettest days', 'a breathable rain jacket light enough to live in your bag'] },
  { category: 'Jackets', noun: 'Fleece Jacket', seasonality: 'winter', priceDollars: [90, 140], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['fleece'], pitches: ['a cosy full-zip fleece that works as a midlayer or on its own', 'the jacket you reach for on cool mornings'] },
  { category: 'Jackets', noun: 'Chore Coat', seasonality: 'flat', priceDollars: [110, 170], gendered: false, sizes: OUTERWEAR_SIZES, colorCount: [2, 3], materials: ['canvas'], pitches: ['a workwear classic with four patch pockets', 'a rugged overshirt-jacket that softens with every wear'] },
  { category: 'Jackets', noun: 'Windbreaker', seasonality: 'summer', priceDollars: [90, 130], gendered: false, sizes: APPAREL_SIZES, colorCount: [2, 3], materials: ['nylon'], pitches: ['a featherweight layer for breezy summer evenings', 'a packable wind jacket for runs, rides and ferry decks'] },
  { category: 'Tees', noun: 'Crew Tee', seasonality: 'flat', priceDollars: [18, 32], gendered: true, sizes: APPAREL_SIZES, colorCount: [3, 5], materials: ['cotton', 'organic-cotton'], pitches: ['the everyday crew-neck tee we wear more than anything else we make', 'a midweight tee with a clean crew neck'] },
  { category: 'Tees', noun: 'Pocket Tee', seasonality: 'flat', priceDollars: [24, 36], gendered: false, sizes: APPAREL_SIZES, colorCount: [3, 5], materials: ['cotton', 'slub-cotton'], pitches: ['a heavyweight tee with a chest pocket', 'a pocket tee inspired by vintage workwear'] },
  { category: 'Tees', noun: 'Long Sleeve Tee', seasonality: 'flat', priceDollars: [30, 45], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['organic-cotton', 'merino'], pitches: ['a long-sleeve base layer that also looks good on its own', 'a soft long-sleeve tee for cool mornings'] },
  { category: 'Tees', noun: 'Graphic Tee', seasonality: 'summer', priceDollars: [28, 40], gendered: false, sizes: APPAREL_SIZES, colorCount: [2, 3], materials: ['cotton'], pitches: ['a screen-printed tee featuring artwork from a Pacific Northwest illustrator', 'a tee printed with water-based inks that soften over time'] },
  { category: 'Tees', noun: 'Linen Tee', seasonality: 'summer', priceDollars: [36, 45], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['linen'], pitches: ['an airy tee for the hottest days of summer', 'a linen-blend tee that stays cool in humid weather'] },
  { category: 'Tees', noun: 'Henley', seasonality: 'flat', priceDollars: [34, 45], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['slub-cotton', 'cotton'], pitches: ['a three-button henley with a lived-in look', 'a henley that dresses up a pair of jeans'] },
  { category: 'Tees', noun: 'Performance Tee', seasonality: 'summer', priceDollars: [28, 42], gendered: true, sizes: APPAREL_SIZES, colorCount: [3, 4], materials: ['polyester'], pitches: ['a quick-drying tee for runs, hikes and hot commutes', 'a lightweight technical tee that wicks sweat'] },
  { category: 'Knitwear', noun: 'Merino Crewneck', seasonality: 'winter', priceDollars: [85, 140], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['merino'], pitches: ['a fine-gauge sweater that layers without bulk', 'a crewneck that works at the office and on the trail'] },
  { category: 'Knitwear', noun: 'Fisherman Sweater', seasonality: 'winter', priceDollars: [120, 180], gendered: false, sizes: OUTERWEAR_SIZES, colorCount: [1, 3], materials: ['wool'], pitches: ['a chunky cable-knit sweater in the Aran tradition', 'a heavyweight sweater for cabin weekends'] },
  { category: 'Knitwear', noun: 'Cardigan', seasonality: 'winter', priceDollars: [95, 160], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 3], materials: ['lambswool', 'merino'], pitches: ['a shawl-collar cardigan with horn-effect buttons', 'a soft button-front cardigan for layering'] },
  { category: 'Knitwear', noun: 'Quarter-Zip', seasonality: 'winter', priceDollars: [90, 150], gendered: true, sizes: APPAREL_SIZES, colorCount: [2, 4], materials: ['merino', 'lambswool'], pitches: ['a quarter-zip pullover with a stand-up collar', 'a midweight pullover that zips up against the wind'] },
  { category: 'Knitwear', noun: 'Cotton Sweater', seasonality: 'flat', priceDollars: [55, 90], gendered: true, sizes: APPAREL_SIZES, colorCount: [3, 4], materials: ['organic-cotton'], pitches: ['a breathable year-round sweater', 'a light knit for spring evenings and air-conditioned offices'] },
  { category: 'Footwear', noun: 'Trail Runner', seasonality: 'summer', priceDollars: [110, 160], gendered: true, sizes: SHOE_SIZES, colorCount: [1, 2], materials: ['mesh'], pitches: ['a cushioned trail shoe that is just as happy on the road', 'a lightweight runner with a lugged outsole'] },
  { category: 'Footwear', noun: 'Leather Boot', seasonality: 'winter', priceDollars: [170, 220], gendered: true, sizes: SHOE_SIZES, colorCount: [1, 2], materials: ['leather'], pitches: ['a Goodyear-welted boot you can resole for decades', 'a lace-up boot with a shearling-lined collar'] },
  { category: 'Footwear', noun: 'Canvas Sneaker', seasonality: 'summer', priceDollars: [60, 85], gendered: false, sizes: SHOE_SIZES, colorCount: [2, 3], materials: ['canvas'], pitches: ['a low-top sneaker with a vulcanised sole', 'an easy everyday sneaker'] },
  { category: 'Footwear', noun: 'Hiking Boot', seasonality: 'flat', priceDollars: [150, 210], gendered: true, sizes: SHOE_SIZES, colorCount: [1, 2], materials: ['waterproof', 'leather'], pitches: ['a waterproof mid-height hiking boot with real ankle support', 'a boot built for multi-day hikes with a loaded pack'] },
  { category: 'Footwear', noun: 'Slide Sandal', seasonality: 'summer', priceDollars: [40, 65], gendered: false, sizes: SHOE_SIZES, colorCount: [2, 3], materials: ['cork'], pitches: ['a contoured slide for the beach and the campsite', 'a slip-on sandal with a moulded cork footbed'] },
  { category: 'Footwear', noun: 'Wool Slipper', seasonality: 'holiday', priceDollars: [60, 95], gendered: false, sizes: SHOE_SIZES, colorCount: [2, 3], materials: ['felted-wool'], pitches: ['a boiled-wool slipper with a rubber sole for quick trips outside', 'our most-gifted item every December'] },
  { category: 'Bags', noun: 'Daypack', seasonality: 'flat', priceDollars: [70, 130], gendered: false, colorCount: [2, 4], materials: ['recycled-polyester'], pitches: ['a 22-litre pack for commuting and day hikes', 'a clean, minimal backpack with a quick-access top pocket'] },
  { category: 'Bags', noun: 'Weekender Duffel', seasonality: 'holiday', priceDollars: [140, 260], gendered: false, colorCount: [2, 3], materials: ['waxed-canvas', 'leather'], pitches: ['a 45-litre duffel for long weekends', 'a carry-on sized holdall with a separate shoe compartment'] },
  { category: 'Bags', noun: 'Tote', seasonality: 'summer', priceDollars: [35, 70], gendered: false, colorCount: [2, 4], materials: ['canvas'], pitches: ['a sturdy tote for markets and beach days', 'an oversized tote with an inner zip pocket'] },
  { category: 'Bags', noun: 'Sling Bag', seasonality: 'flat', priceDollars: [45, 75], gendered: false, colorCount: [2, 4], materials: ['recycled-polyester'], pitches: ['a compact cross-body bag for phone, wallet and keys', 'a hands-free sling for travel days'] },
  { category: 'Bags', noun: 'Messenger Bag', seasonality: 'flat', priceDollars: [90, 150], gendered: false, colorCount: [1, 3], materials: ['waxed-canvas'], pitches: ['a bike-friendly messenger with a cross strap', 'a classic messenger that ages beautifully'] },
  { category: 'Bags', noun: 'Roll-Top Backpack', seasonality: 'flat', priceDollars: [110, 180], gendered: false, colorCount: [2, 3], materials: ['waterproof'], pitches: ['a fully waterproof roll-top for rainy commutes', 'an expandable roll-top pack for bike touring'] },
  { category: 'Accessories', noun: 'Beanie', seasonality: 'winter', priceDollars: [24, 40], gendered: false, colorCount: [3, 5], materials: ['merino', 'lambswool'], pitches: ['a ribbed beanie with a fold-over cuff', 'a warm, itch-free hat for winter'] },
  { category: 'Accessories', noun: 'Wool Scarf', seasonality: 'winter', priceDollars: [40, 85], gendered: false, colorCount: [2, 4], materials: ['lambswool'], pitches: ['a generous scarf woven on a traditional loom', 'a soft scarf long enough to wrap twice'] },
  { category: 'Accessories', noun: 'Leather Gloves', seasonality: 'winter', priceDollars: [45, 95], gendered: false, sizes: ['S', 'M', 'L', 'XL'], colorCount: [1, 2], materials: ['leather'], pitches: ['touchscreen-friendly gloves with a cashmere-blend lining', 'classic leather gloves for cold commutes'] },
  { category: 'Accessories', noun: 'Sunglasses', seasonality: 'summer', priceDollars: [60, 95], gendered: false, colorCount: [2, 3], materials: ['acetate'], pitches: ['polarised sunglasses with UV400 lenses', 'a classic keyhole-bridge frame with polarised lenses'] },
  { category: 'Accessories', noun: 'Baseball Cap', seasonality: 'summer', priceDollars: [25, 38], gendered: false, colorCount: [3, 5], materials: ['cotton'], pitches: ['a six-panel cap with an adjustable strap', 'a washed-cotton cap with a curved brim'] },
  { category: 'Accessories', noun: 'Leather Belt', seasonality: 'flat', priceDollars: [45, 75], gendered: false, sizes: ['S', 'M', 'L', 'XL'], colorCount: [1, 2], materials: ['leather'], pitches: ['a full-grain leather belt with a solid brass buckle', 'a belt cut from a single piece of leather'] },
  { category: 'Accessories', noun: 'Wallet', seasonality: 'holiday', priceDollars: [35, 70], gendered: false, colorCount: [2, 3], materials: ['leather'], pitches: ['a slim bifold that holds eight cards', 'a minimalist card wallet'] },
  { category: 'Accessories', noun: 'Hiking Socks 3-Pack', seasonality: 'holiday', priceDollars: [18, 30], gendered: false, sizes: ['S', 'M', 'L'], materials: ['merino'], pitches: ['three pairs of cushioned socks for long days on your feet', 'a three-pack of crew socks that will not slip'] },
  { category: 'Outdoor Gear', noun: 'Backpacking Tent', seasonality: 'summer', priceDollars: [240, 340], gendered: false, pricedOption: { name: 'Capacity', values: [['2-Person', 1], ['3-Person', 1.3]] }, materials: ['ripstop'], pitches: ['a freestanding tent with two doors and two vestibules', 'a lightweight three-season tent that pitches in minutes'] },
  { category: 'Outdoor Gear', noun: 'Sleeping Bag', seasonality: 'summer', priceDollars: [160, 320], gendered: false, pricedOption: { name: 'Length', values: [['Regular', 1], ['Long', 1.1]] }, materials: ['down', 'synthetic-fill'], pitches: ['a three-season bag rated to 20 °F', 'a mummy bag with a draft collar'] },
  { category: 'Outdoor Gear', noun: 'Insulated Bottle', seasonality: 'summer', priceDollars: [28, 40], gendered: false, pricedOption: { name: 'Size', values: [['20 oz', 1], ['32 oz', 1.25]] }, materials: ['stainless-steel'], pitches: ['a double-walled bottle that keeps drinks cold for 24 hours', 'a leakproof bottle that fits most cup holders'] },
  { category: 'Outdoor Gear', noun: 'Headlamp', seasonality: 'flat', priceDollars: [35, 60], gendered: false, materials: ['aluminium'], pitches: ['a rechargeable 400-lumen headlamp with a red-light mode', 'a compact headlamp for camp chores and night runs'] },
  { category: 'Outdoor Gear', noun: 'Camp Mug', seasonality: 'holiday', priceDollars: [18, 28], gendered: false, colorCount: [3, 4], materials: ['enamel'], pitches: ['an enamel mug that goes straight on the stove', 'a sturdy 12 oz camp mug'] },
  { category: 'Outdoor Gear', noun: 'Trekking Poles', seasonality: 'summer', priceDollars: [80, 140], gendered: false, materials: ['aluminium'], pitches: ['a pair of collapsible poles with cork grips', 'adjustable poles that save your knees on the descent'] },
  { category: 'Outdoor Gear', noun: 'Camp Chair', seasonality: 'summer', priceDollars: [60, 110], gendered: false, colorCount: [2, 3], materials: ['ripstop'], pitches: ['a packable chair that sets up in under a minute', 'a low-slung camp chair with a cup holder'] },
  { category: 'Outdoor Gear', noun: 'Hand Warmers', seasonality: 'winter', priceDollars: [15, 25], gendered: false, materials: ['aluminium'], pitches: ['rechargeable hand warmers with three heat settings', 'pocket warmers that double as a power bank'] },
];
