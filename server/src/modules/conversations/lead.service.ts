import { updateConversation } from './conversation.repo';
import { type ConversationDeps, requireShopperConversation, type ShopperContext } from './conversation.service';

/** A shopper leaves their email (lead form or `Closer.identify`): one contact per email and workspace. */
export async function captureLead(
  deps: ConversationDeps,
  shopper: ShopperContext,
  input: { email: string; name?: string; marketingOptIn?: boolean },
) {
  const email = input.email.trim().toLowerCase();
  const contact = await deps.prisma.contact.upsert({
    where: { workspaceId_email: { workspaceId: shopper.workspaceId, email } },
    create: {
      workspaceId: shopper.workspaceId,
      email,
      name: input.name,
      marketingOptIn: input.marketingOptIn ?? false,
      source: 'widget_lead',
    },
    update: {
      ...(input.name ? { name: input.name } : {}),
      ...(input.marketingOptIn !== undefined ? { marketingOptIn: input.marketingOptIn } : {}),
    },
  });
  const conversation = await deps.prisma.conversation.findFirst({
    where: { workspaceId: shopper.workspaceId, visitorId: shopper.visitorId, status: { not: 'closed' } },
    orderBy: { lastMessageAt: 'desc' },
  });
  if (conversation) {
    await updateConversation(deps.prisma, shopper.workspaceId, conversation.id, { contactId: contact.id });
    deps.events.toInbox(shopper.workspaceId, 'contact.captured', {
      conversationId: conversation.id,
      contact: { id: contact.id, email: contact.email, name: contact.name },
    });
  }
  return contact;
}

/** The rating at the end: for the latest conversation of this visitor, closed or not. */
export async function rateConversation(
  deps: ConversationDeps,
  shopper: ShopperContext,
  input: { rating: number; comment?: string },
) {
  const conversation =
    (await deps.prisma.conversation.findFirst({
      where: { workspaceId: shopper.workspaceId, visitorId: shopper.visitorId },
      orderBy: { lastMessageAt: 'desc' },
    })) ?? (await requireShopperConversation(deps, shopper));
  return updateConversation(deps.prisma, shopper.workspaceId, conversation.id, {
    rating: input.rating,
    ratingComment: input.comment ?? null,
  });
}

/** The widget put a product in the cart: kept for the assisted-revenue trail. */
export async function recordCartAddition(
  deps: ConversationDeps,
  shopper: ShopperContext,
  input: { productId: string; variantId: string; quantity: number },
) {
  const conversation = await requireShopperConversation(deps, shopper);
  const variant = await deps.prisma.variant.findFirst({
    where: { id: input.variantId, productId: input.productId, workspaceId: shopper.workspaceId },
    select: { id: true },
  });
  if (!variant) return false;
  await deps.prisma.auditLog.create({
    data: {
      workspaceId: shopper.workspaceId,
      actorType: 'visitor',
      actorId: shopper.visitorId,
      action: 'widget.cart_added',
      targetType: 'conversation',
      targetId: conversation.id,
      data: input,
    },
  });
  return true;
}
