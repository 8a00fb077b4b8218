import { safeUrl } from '../markdown/render-markdown';
import { useApp } from './app-context';
import { CloseIcon } from './icons';

export function PanelHeader() {
  const { ui, conversation, session, controller, serverOrigin } = useApp();
  const t = ui.t.value;
  const config = ui.config.value;
  const avatar = safeUrl(config?.assistant.avatarUrl, serverOrigin);
  const canAskForPerson = conversation.status.value === 'ai' && session.connection.value === 'online';
  return (
    <div class="header">
      {avatar && <img class="avatar" src={avatar} alt="" width={36} height={36} />}
      <div>
        <h2 id="closer-title">{config?.assistant.name}</h2>
        <p>{config?.workspaceName}</p>
      </div>
      {canAskForPerson && (
        <button type="button" onClick={() => controller.askForPerson()}>
          {t('person')}
        </button>
      )}
      <button type="button" class="icon" aria-label={t('close')} onClick={() => controller.close()}>
        <CloseIcon />
      </button>
    </div>
  );
}
