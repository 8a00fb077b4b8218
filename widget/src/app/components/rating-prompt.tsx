import { useApp } from './app-context';

export function RatingPrompt() {
  const { ui, conversation, session, controller } = useApp();
  const t = ui.t.value;
  if (conversation.status.value !== 'closed') return null;
  if (session.rating.value !== null) {
    return (
      <p class="card form" role="status">
        {t('rated')}
      </p>
    );
  }
  return (
    <fieldset class="card form">
      <legend>{t('rate')}</legend>
      <div>
        {[1, 2, 3, 4, 5].map((stars) => (
          <button
            key={stars}
            type="button"
            class="star"
            aria-label={t('stars', { n: stars })}
            onClick={() => controller.rate(stars)}
          >
            <span aria-hidden="true">★</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
