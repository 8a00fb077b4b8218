/** Intents as the conversation analysis names them, in words merchants use. */
const intentLabels: Record<string, string> = {
  product_question: 'Product questions',
  order_status: 'Order status',
  returns: 'Returns',
  shipping: 'Shipping',
  complaint: 'Complaints',
  purchase: 'Ready to buy',
  other: 'Other',
};

export function intentLabel(intent: string): string {
  return intentLabels[intent] ?? intent.replace(/_/g, ' ');
}
