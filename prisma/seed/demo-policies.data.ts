// Store policies and FAQ for the demo workspace. The assistant answers from this text, so every
// number here (thresholds, windows, fees) is concrete and the FAQ never contradicts the policies.

import type { DemoFaq, DemoPolicy } from './demo-store.types';

export const DEMO_POLICIES: readonly DemoPolicy[] = [
  {
    kind: 'shipping',
    title: 'Shipping Policy',
    body: [
      'Orders placed before 1 pm Pacific Time on a business day ship the same day from our warehouse in Portland, Oregon. Orders placed later, on weekends or on US public holidays ship the next business day. During the Black Friday weekend and the first three weeks of December, please allow one extra business day.',
      'United States: standard shipping (3–5 business days) is free on orders of $75 or more and $6.95 below that. Express shipping (2 business days) is $14.95 and overnight shipping is $29.95 to the contiguous United States. We ship to Alaska, Hawaii, Puerto Rico and APO/FPO addresses by standard shipping only, in 5–9 business days.',
      'Canada: standard shipping is $12 and free on orders of $150 or more, delivered in 5–8 business days. Duties and taxes are included in the price you pay at checkout, so there is nothing to pay on delivery.',
      'United Kingdom, European Union, Australia and the rest of the world: a flat rate of $19.95, free on orders of $200 or more, delivered in 7–14 business days. Import duties and local taxes (VAT/GST) are calculated at checkout for the UK, EU and Australia; elsewhere they are collected by the carrier on delivery.',
      'You will receive a tracking link by email as soon as your parcel leaves the warehouse. We cannot change a shipping address once an order has shipped, but we can update it within 1 hour of ordering — reply to your order confirmation email.',
    ].join('\n\n'),
  },
  {
    kind: 'returns',
    title: 'Returns & Exchanges',
    body: [
      'You can return unworn, unwashed items with their original tags within 30 days of delivery for a full refund to your original payment method. Footwear must be tried on indoors only and returned in its original box.',
      'Returns within the United States are free: start a return at demo-outfitters.example.com/returns and we will email you a prepaid label. Customers in Canada and internationally pay return shipping; we recommend a tracked service, as we cannot refund parcels lost on the way back.',
      'Exchanges for a different size or colour are free everywhere, once per order. We ship the replacement as soon as the carrier scans your return, so you are never without it for long.',
      'Refunds are issued within 5 business days of your return reaching our warehouse; your bank may take another 3–10 business days to show the credit. Original shipping charges are non-refundable unless the item arrived damaged or we sent the wrong item.',
      'Items marked Final Sale (discounted 40 % or more), gift cards, socks and personalised items cannot be returned. Holiday gifts bought between November 1 and December 24 can be returned until January 31.',
    ].join('\n\n'),
  },
  {
    kind: 'warranty',
    title: 'Warranty & Repairs',
    body: [
      'Every Demo Outfitters product is guaranteed against defects in materials and workmanship. Jackets, bags and outdoor gear are covered for 2 years from the date of purchase; footwear, knitwear and tees for 1 year. Products from partner brands carry their manufacturer’s warranty, which is at least 1 year.',
      'The warranty does not cover normal wear and tear (such as pilling, faded colour or worn soles), accidents, or damage from improper care. If we are unable to repair a defective item, we will replace it or, if it is no longer available, issue store credit for the price you paid.',
      'Our repair program fixes zips, buckles, seams and small tears on anything we sell, even outside the warranty, starting at $15. Email repairs@example.com with your order number and a photo of the damage; most repairs are back with you within 3 weeks.',
    ].join('\n\n'),
  },
  {
    kind: 'payment',
    title: 'Payment Options',
    body: [
      'We accept Visa, Mastercard, American Express, Discover, PayPal, Apple Pay, Google Pay and Shop Pay. All prices are in US dollars; if your card is issued outside the United States your bank may add a currency conversion fee.',
      'Orders from $50 to $1,000 can be split into 4 interest-free payments with Klarna, subject to approval. Your card is charged when you place the order, not when it ships.',
      'US sales tax is calculated at checkout based on your shipping address. Only one discount code can be used per order, and codes cannot be applied to gift cards or combined with Final Sale prices.',
    ].join('\n\n'),
  },
  {
    kind: 'privacy',
    title: 'Privacy Policy',
    body: [
      'We collect the information you give us at checkout (name, email, shipping address and phone number), your order history, and basic analytics about how you use our website. Card details are handled by our payment processor and never stored on our servers.',
      'We use your information to fulfil orders, answer your questions, prevent fraud and — only if you opt in — send you our newsletter (about twice a month; unsubscribe with one click). We never sell your personal data. We share it only with the service providers who help us run the store, such as our carriers, payment processor and email provider.',
      'Chats with our shopping assistant are stored for 12 months to improve our answers and then deleted. Order records are kept for 7 years because tax law requires it.',
      'Customers in the UK, the EU and California have the right to access, correct, export or delete their data. Email privacy@example.com and we will respond within 30 days. Our website uses essential cookies; analytics and marketing cookies are set only with your consent.',
    ].join('\n\n'),
  },
];

export const DEMO_FAQ: readonly DemoFaq[] = [
  {
    question: 'How much is shipping?',
    answer:
      'Standard US shipping is free on orders of $75 or more and $6.95 otherwise. Express is $14.95 and overnight is $29.95. Canada is $12 (free over $150) and international orders are a flat $19.95 (free over $200).',
  },
  {
    question: 'When will my order arrive?',
    answer:
      'Orders placed before 1 pm Pacific Time ship the same business day. Standard US delivery takes 3–5 business days, Canada 5–8 and international 7–14.',
  },
  {
    question: 'Do you ship internationally?',
    answer:
      'Yes. We ship to Canada, the UK, the EU, Australia and most other countries. Duties and taxes for Canada, the UK, the EU and Australia are included at checkout, so there are no surprise fees on delivery.',
  },
  {
    question: 'What is your return policy?',
    answer:
      'Unworn items with tags can be returned within 30 days of delivery for a full refund. US returns are free with a prepaid label; exchanges are free everywhere.',
  },
  {
    question: 'How long do refunds take?',
    answer:
      'We issue your refund within 5 business days of receiving the return. Your bank may take another 3–10 business days to show it.',
  },
  {
    question: 'How do I exchange for a different size?',
    answer:
      'Start a return at demo-outfitters.example.com/returns and choose “Exchange”. We ship the new size as soon as the carrier scans your parcel, and the exchange is free.',
  },
  {
    question: 'How do your sizes run?',
    answer:
      'Most of our apparel and footwear is true to size, and each product page says how that style fits and whether it runs small or large. If you are between sizes, size up for outerwear and knitwear.',
  },
  {
    question: 'Can I change or cancel my order?',
    answer:
      'We can change or cancel an order within 1 hour of placing it. Reply to your order confirmation email as quickly as possible — once an order has shipped we cannot change it, but you can return it.',
  },
  {
    question: 'Do you offer gift wrapping?',
    answer:
      'Yes, gift wrapping with a handwritten note is $5 per order and can be added at checkout. Prices are never printed on the packing slip of a gift order.',
  },
  {
    question: 'Are your products covered by a warranty?',
    answer:
      'Yes. Jackets, bags and outdoor gear have a 2-year warranty against manufacturing defects; footwear, knitwear and tees have 1 year. We also repair zips, seams and buckles from $15, even outside the warranty.',
  },
  {
    question: 'Which payment methods do you accept?',
    answer:
      'Visa, Mastercard, American Express, Discover, PayPal, Apple Pay, Google Pay and Shop Pay. You can also pay in 4 interest-free instalments with Klarna on orders from $50 to $1,000.',
  },
  {
    question: 'Do you have a discount for first orders?',
    answer:
      'Sign up for our newsletter and you will receive a 10 % welcome code for your first order. Only one code can be used per order.',
  },
  {
    question: 'How do I wash merino wool?',
    answer:
      'Machine wash cold on a wool or delicate cycle, lay flat to dry and never tumble dry. Merino resists odour, so it needs washing far less often than cotton.',
  },
  {
    question: 'Is your down responsibly sourced?',
    answer:
      'Yes. All of our down is certified to the Responsible Down Standard, which prohibits live-plucking and force-feeding.',
  },
  {
    question: 'What are your sustainability commitments?',
    answer:
      'Over 70 % of the materials we use are recycled, organic or certified. We ship in recycled packaging, offset the carbon of every delivery and run a repair program so your gear lasts longer.',
  },
  {
    question: 'Do you have a physical store?',
    answer:
      'We are online only, but customers in Portland, Oregon can pick up orders for free from our warehouse on weekdays from 10 am to 6 pm. Choose “Local pickup” at checkout.',
  },
  {
    question: 'Do you sell gift cards?',
    answer: 'Yes, digital gift cards from $25 to $500 are delivered by email and never expire.',
  },
];
