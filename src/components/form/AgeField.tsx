import { parseAge } from '../../lib/ages.ts';

interface AgeFieldProps {
  id: string;
  label: string;
  /** How to type an age ("Bijvoorbeeld 15, of 12-18"), always shown. */
  hint: string;
  /** Shown while what is typed is not an age or a band; the list ignores the filter meanwhile. */
  error: string;
  value: string;
  onInput: (value: string) => void;
}

/** An age filter for the list islands: one age or a band as people type it (src/lib/ages.ts). */
export function AgeField({ id, label, hint, error, value, onInput }: AgeFieldProps) {
  const invalid = value.trim() !== '' && parseAge(value) === null;
  return (
    <div class="kaart-filters__field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        value={value}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={invalid ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <span id={`${id}-hint`} class="kaart-filters__hint">
        {hint}
      </span>
      {invalid && (
        <span id={`${id}-error`} class="kaart-filters__error">
          {error}
        </span>
      )}
    </div>
  );
}
