// Word lists that product titles, descriptions, colours and SKUs are assembled from. Copy is
// combined from fragments (pitch + material + fit/feature + care) so 200 products read
// differently without hand-writing 200 descriptions, and care advice always matches the material.

export interface DemoMaterial {
  tag: string;
  sentence: string;
  care: string;
}

export const DEMO_MATERIALS: Readonly<Record<string, DemoMaterial>> = {
  down: {
    tag: 'down',
    sentence: 'It is insulated with 700-fill responsibly sourced down, certified to the Responsible Down Standard.',
    care: 'Machine wash cold on a gentle cycle and tumble dry low with two clean tennis balls to restore the loft.',
  },
  nylon: {
    tag: 'recycled-nylon',
    sentence: 'The shell is recycled ripstop nylon with a PFC-free water-repellent finish.',
    care: 'Machine wash cold, close all zips first, and tumble dry low to reactivate the water repellency.',
  },
  'synthetic-fill': {
    tag: 'synthetic-insulation',
    sentence: 'Recycled synthetic insulation keeps its warmth even when wet.',
    care: 'Machine wash cold and tumble dry low.',
  },
  wool: {
    tag: 'wool',
    sentence: 'It is made from a dense 80 % wool, 20 % recycled nylon melton that blocks wind.',
    care: 'Dry clean only; brush after wearing and hang on a wide hanger.',
  },
  waterproof: {
    tag: 'waterproof',
    sentence: 'A three-layer waterproof-breathable membrane (20,000 mm) keeps rain out while letting sweat escape.',
    care: 'Machine wash cold with a technical wash and tumble dry low.',
  },
  fleece: {
    tag: 'fleece',
    sentence: 'The 300-weight fleece is spun from recycled plastic bottles.',
    care: 'Machine wash cold inside out and hang dry to prevent pilling.',
  },
  canvas: {
    tag: 'canvas',
    sentence: 'It is cut from 12 oz organic cotton canvas that breaks in like your favourite jeans.',
    care: 'Machine wash cold and hang dry; expect a little shrinkage on the first wash.',
  },
  cotton: {
    tag: 'cotton',
    sentence: 'It is knitted from 100 % combed ring-spun cotton jersey (180 gsm).',
    care: 'Machine wash cold with like colours and tumble dry low.',
  },
  'organic-cotton': {
    tag: 'organic-cotton',
    sentence: 'It is made from GOTS-certified organic cotton grown without synthetic pesticides.',
    care: 'Machine wash cold and tumble dry low, or line dry to keep it looking new longer.',
  },
  'slub-cotton': {
    tag: 'cotton',
    sentence: 'Slub cotton gives the fabric a subtle texture and a worn-in feel from day one.',
    care: 'Machine wash cold and line dry.',
  },
  merino: {
    tag: 'merino',
    sentence: 'It is made from 18.5-micron merino wool that regulates temperature and resists odour.',
    care: 'Machine wash cold on a wool cycle and dry flat; never tumble dry.',
  },
  linen: {
    tag: 'linen',
    sentence: 'It is woven from a 55 % linen, 45 % cotton blend that breathes in the heat.',
    care: 'Machine wash cold and line dry; a quick steam takes out wrinkles.',
  },
  polyester: {
    tag: 'recycled-polyester',
    sentence: 'The fabric is a recycled polyester piqué that dries in minutes.',
    care: 'Machine wash cold and skip the fabric softener, which blocks wicking.',
  },
  lambswool: {
    tag: 'lambswool',
    sentence: 'It is knitted from soft Scottish lambswool.',
    care: 'Hand wash cold or dry clean, and store folded rather than hung.',
  },
  mesh: {
    tag: 'mesh',
    sentence: 'The upper is an engineered recycled mesh that drains quickly and breathes.',
    care: 'Remove the insoles and hand wash with a soft brush; air dry away from direct heat.',
  },
  leather: {
    tag: 'leather',
    sentence: 'It is made from full-grain, vegetable-tanned leather from a Leather Working Group gold-rated tannery.',
    care: 'Wipe clean with a damp cloth and condition every few months.',
  },
  cork: {
    tag: 'cork',
    sentence: 'The footbed is natural cork and latex that moulds to your foot.',
    care: 'Rinse with fresh water after the beach and let it dry in the shade.',
  },
  'felted-wool': {
    tag: 'wool',
    sentence: 'The upper is felted wool from Tyrolean sheep, naturally warm and breathable.',
    care: 'Spot clean with cold water and air dry.',
  },
  'recycled-polyester': {
    tag: 'recycled-polyester',
    sentence: 'The body is 600D recycled polyester with a water-resistant coating.',
    care: 'Spot clean with mild soap and water; do not machine wash.',
  },
  'waxed-canvas': {
    tag: 'waxed-canvas',
    sentence: 'It is made from waxed cotton canvas with leather trim, and it develops a patina as it ages.',
    care: 'Spot clean with cold water and re-wax once a year.',
  },
  acetate: {
    tag: 'acetate',
    sentence: 'The frames are plant-based acetate with five-barrel hinges.',
    care: 'Clean with the included microfibre cloth and store in the case.',
  },
  ripstop: {
    tag: 'ripstop',
    sentence: 'It uses 40D silicone-coated ripstop and aluminium hardware.',
    care: 'Dry completely before storing and clean with a damp sponge.',
  },
  'stainless-steel': {
    tag: 'stainless-steel',
    sentence: 'It is made from 18/8 stainless steel with a BPA-free lid.',
    care: 'Hand wash recommended; the lid is top-rack dishwasher safe.',
  },
  aluminium: {
    tag: 'aluminium',
    sentence: 'It is made from anodised aluminium that shrugs off drops and rain.',
    care: 'Wipe clean and store dry; charge fully before long trips.',
  },
  enamel: {
    tag: 'enamel',
    sentence: 'It is made from enamel-coated steel finished by hand.',
    care: 'Dishwasher safe; avoid scouring pads.',
  },
};

export const DEMO_LINE_NAMES = [
  'Ridgeline',
  'Harbor',
  'Alder',
  'Summit',
  'Fjord',
  'Cascade',
  'Timber',
  'Driftwood',
  'Northwind',
  'Basalt',
  'Juniper',
  'Meridian',
  'Coastline',
  'Granite',
  'Birch',
  'Solstice',
  'Tundra',
  'Canyon',
  'Larch',
  'Pioneer',
  'Evergreen',
  'Marlow',
  'Sierra',
  'Wren',
  'Halcyon',
  'Otter',
  'Kestrel',
  'Glacier',
  'Pacific',
  'Foundry',
  'Highland',
  'Cobalt',
  'Aspen',
  'Heron',
  'Bluff',
  'Orchard',
] as const;

export interface DemoColor {
  name: string;
  code: string;
}

export const DEMO_COLORS: readonly DemoColor[] = [
  { name: 'Black', code: 'BLK' },
  { name: 'Navy', code: 'NVY' },
  { name: 'Heather Grey', code: 'HGR' },
  { name: 'Olive', code: 'OLV' },
  { name: 'Rust', code: 'RST' },
  { name: 'Sand', code: 'SND' },
  { name: 'Forest Green', code: 'FGR' },
  { name: 'Burgundy', code: 'BUR' },
  { name: 'Cream', code: 'CRM' },
  { name: 'Charcoal', code: 'CHR' },
  { name: 'Slate Blue', code: 'SLB' },
  { name: 'Ochre', code: 'OCH' },
  { name: 'White', code: 'WHT' },
  { name: 'Tan', code: 'TAN' },
  { name: 'Brown', code: 'BRN' },
];
