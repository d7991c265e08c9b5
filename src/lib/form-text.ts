/** A text field's value from a submitted form: '' when the field is missing (a file field is not text either). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
