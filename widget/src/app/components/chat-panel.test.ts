// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { WidgetConfig } from '../../shared/widget-contract';
import { ConversationModel } from '../models/conversation.model';
import { SessionModel } from '../models/session.model';
import { UiModel } from '../models/ui.model';
import type { WidgetController } from '../widget-controller';
import { AppContext } from './app-context';
import { WidgetRoot } from './widget-root';

const config: WidgetConfig = {
  workspaceName: 'Demo Outfitters',
  locale: 'en',
  currency: 'USD',
  platform: 'custom',
  assistant: { name: 'Ava', avatarUrl: 'javascript:alert(1)', greeting: 'Hi!', quickReplies: ['Track my order'] },
  branding: { primaryColor: '#1f4e79', position: 'bottom-right' },
};

function mount() {
  const ui = new UiModel(['en']);
  const session = new SessionModel();
  const conversation = new ConversationModel();
  const controller = { close: vi.fn(), send: vi.fn(), rate: vi.fn(), askForPerson: vi.fn(), submitLead: vi.fn() };
  ui.configure(config);
  ui.open();
  session.setConnection('online');
  const element = document.createElement('div');
  const services = {
    ui,
    session,
    conversation,
    controller: controller as unknown as WidgetController,
    pageUrl: () => 'https://shop.example/',
    serverOrigin: 'https://closer.example',
  };
  act(() => render(h(AppContext.Provider, { value: services }, h(WidgetRoot, {})), element));
  document.body.append(element);
  const text = () => element.textContent ?? '';
  return { ui, session, conversation, controller, element, text };
}

describe('chat panel', () => {
  it('is a labelled dialog with the greeting, quick replies, a labelled composer, and no unsafe avatar', () => {
    const { element, text } = mount();
    const dialog = element.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('closer-title');
    expect(element.querySelector('#closer-title')?.textContent).toBe('Ava');
    expect(text()).toContain('Hi!');
    expect(element.querySelector('.quick button')?.textContent).toBe('Track my order');
    expect(element.querySelector('label[for="closer-input"]')?.textContent).toBe('Message');
    expect(element.querySelector('img.avatar')).toBeNull();
    expect(element.querySelector('[aria-live="polite"]')).not.toBeNull();
  });

  it('says who the shopper is talking to', () => {
    const { conversation, text } = mount();
    act(() => conversation.setStatus('waiting', null));
    expect(text()).toContain('Waiting for a person to join…');
    act(() => conversation.setStatus('human', 'Sam'));
    expect(text()).toContain('You are now talking to a person (Sam).');
    expect(text()).not.toContain('Talk to a person');
  });

  it('asks for a rating once the conversation is closed', () => {
    const { conversation, session, controller, element, text } = mount();
    act(() => conversation.setStatus('closed', null));
    expect(text()).toContain('This conversation has ended.');
    const stars = [...element.querySelectorAll('fieldset button')];
    expect(stars.map((star) => star.getAttribute('aria-label'))).toEqual([
      '1 of 5',
      '2 of 5',
      '3 of 5',
      '4 of 5',
      '5 of 5',
    ]);
    act(() => (stars[3] as HTMLButtonElement).click());
    expect(controller.rate).toHaveBeenCalledWith(4);
    act(() => session.rate(4));
    expect(text()).toContain('Thanks for your feedback!');
  });

  it('shows the lead form, and checks the email before submitting', () => {
    const { session, controller, element } = mount();
    act(() => session.showLeadForm('nobody_available'));
    const email = element.querySelector('#closer-lead-email') as HTMLInputElement;
    expect(element.querySelector('label[for="closer-lead-email"]')?.textContent).toBe('Email');
    act(() => {
      email.value = 'nope';
      email.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (element.querySelector('form.form') as HTMLFormElement).requestSubmit());
    expect(controller.submitLead).not.toHaveBeenCalled();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#closer-lead-error')?.textContent).toBe('Please enter a valid email address.');
    act(() => {
      email.value = 'ana@example.com';
      email.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (element.querySelector('form.form') as HTMLFormElement).requestSubmit());
    expect(controller.submitLead).toHaveBeenCalledWith({ email: 'ana@example.com' });
  });

  it('marks messages still sending, and explains a rate limit next to the composer', () => {
    const { conversation, session, element, text } = mount();
    act(() => conversation.addOutgoing('client-1', 'hello'));
    expect(text()).toContain('Sending…');
    act(() => session.showNotice({ code: 'rate_limited', retryAfterMs: 3000 }));
    expect(element.querySelector('#closer-notice')?.textContent).toBe(
      'You are sending messages quickly. Please wait a moment.',
    );
  });

  it('closes on Escape', () => {
    const { controller, element } = mount();
    element
      .querySelector('[role="dialog"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(controller.close).toHaveBeenCalled();
  });
});
