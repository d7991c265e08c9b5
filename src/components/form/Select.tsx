/** A labelled filter choice with an "all" option first (empty value = no filter). */
export interface SelectProps {
  id: string;
  label: string;
  /** Left out for a plain form field that the browser keeps (a form that also posts without JavaScript). */
  value?: string;
  /** `[value, label]` pairs. */
  options: [string, string][];
  /** Label of the empty choice ("Alle …"). */
  allLabel: string;
  /** The wrapper's class, for the island's own layout. */
  class: string;
  /** Form field name, for forms that also work without JavaScript (GET to the same page). */
  name?: string;
  onChange?: (value: string) => void;
}

export function Select({ id, label, value, options, allLabel, class: className, name, onChange }: SelectProps) {
  return (
    <div class={className}>
      <label for={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={onChange && ((e) => onChange(e.currentTarget.value))}>
        <option value="">{allLabel}</option>
        {options.map(([v, l]) => (
          <option value={v} key={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
