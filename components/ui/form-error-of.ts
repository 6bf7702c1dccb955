/**
 * What a form says at the form level after a failed action. With every field error beside its
 * field, the general "Some fields need attention." would only repeat them (unless `summary`: a
 * long form whose fields may be out of view); errors of fields the form does not show (`fields`;
 * a name also covers "name.child" keys) join the general error so that no message is lost.
 */
export function formErrorOf(error: string, fieldErrors: Record<string, string[]>, { fields = [], summary = false }: { fields?: readonly string[]; summary?: boolean }) {
  const keys = Object.keys(fieldErrors);
  if (keys.length === 0) return error;
  const shown = (key: string) => fields.some((f) => key === f || key.startsWith(`${f}.`));
  const unshown = keys.filter((k) => !shown(k)).flatMap((k) => fieldErrors[k]);
  if (unshown.length) return [error, ...unshown].join(" ");
  return summary ? error : null;
}
