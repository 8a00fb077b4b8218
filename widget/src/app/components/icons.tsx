/** Decorative icons; the buttons that hold them carry the accessible names. */
const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

export const CloseIcon = () => (
  <Icon d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z" />
);
export const SendIcon = () => <Icon d="M3 20.5 21 12 3 3.5v6.6L15 12 3 13.9z" />;
