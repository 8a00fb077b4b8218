export { action, loader } from '../billing/billing.server';
export const meta = () => [{ title: 'Billing · Closer' }];
export { default } from '../billing/billing.page';
