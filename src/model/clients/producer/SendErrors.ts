/**
 * How KafkaProducer.doSend reports an exception raised in send(): as `ExceptionName: message` text, and whether
 * it reaches the callback (an ApiException) or is thrown to the application. Split out of KafkaProducer.ts.
 */

/**
 * The send-path exceptions that are ApiExceptions in Kafka (doSend hands them to the callback); everything else
 * (SerializationException, IllegalArgumentException, IllegalStateException, KafkaException) is thrown.
 */
export function isApiException(error: string): boolean {
  return /^(BufferExhaustedException|TimeoutException|RecordTooLargeException):/.test(error);
}

/** `ExceptionName: message` for anything thrown in the send path. */
export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const name = (e as { exceptionName?: string }).exceptionName ?? e.name;
    return e.message.startsWith(`${name}:`) ? e.message : `${name}: ${e.message}`;
  }
  return String(e);
}
