import type { ComponentChildren } from 'preact';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  extra?: ComponentChildren;
}

/**
 * A fieldset of radios: the legend names the group for assistive tech. `variant` picks a look from
 * forms.css: 'column' (one choice a line, for choices with hints), 'swatches' (the swatch is the choice).
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  variant,
  describedBy,
}: {
  name: string;
  legend: string;
  options: RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  variant?: 'column' | 'swatches';
  describedBy?: string;
}) {
  return (
    <fieldset class={variant ? `radio-group ${variant}` : 'radio-group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.extra}
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <label class="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>
        {label}
        {hint && <span class="hint muted small">{hint}</span>}
      </span>
    </label>
  );
}
