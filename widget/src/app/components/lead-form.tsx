import { useState } from 'preact/hooks';
import { isEmail } from '../../shared/public-api-validation';
import { useApp } from './app-context';

export function LeadForm() {
  const { ui, session, controller } = useApp();
  const t = ui.t.value;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const state = session.lead.value;
  if (!session.leadReason.value) return null;
  if (state === 'done') {
    return (
      <p class="card form" role="status">
        {t('leadThanks')}
      </p>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    const valid = isEmail(email.trim());
    setInvalid(!valid);
    if (valid) void controller.submitLead({ email: email.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
  };
  return (
    <form class="card form" aria-labelledby="closer-lead-intro" onSubmit={submit} noValidate>
      <p id="closer-lead-intro">{t('leadIntro')}</p>
      <label for="closer-lead-email">{t('email')}</label>
      <input
        id="closer-lead-email"
        type="email"
        autocomplete="email"
        required
        value={email}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? 'closer-lead-error' : undefined}
        onInput={(event) => setEmail(event.currentTarget.value)}
      />
      {invalid && (
        <p id="closer-lead-error" class="meta error">
          {t('invalidEmail')}
        </p>
      )}
      <label for="closer-lead-name">{t('name')}</label>
      <input
        id="closer-lead-name"
        autocomplete="name"
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={state === 'sending'}>
        {t('submit')}
      </button>
      {state === 'failed' && <p class="meta error">{t('failed')}</p>}
    </form>
  );
}
