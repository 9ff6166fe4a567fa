/** Kafka's error text beside the control it belongs to (referenced by the control's aria-describedby). */
export function ConfigError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p className="config-error" id={id}>
      {message}
    </p>
  );
}
