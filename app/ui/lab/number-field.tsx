'use client';

import { useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  /** Shown after the input, e.g. "ms". */
  unit?: string;
  /** For inputs whose meaning a column header already shows: the label is read out, not drawn. */
  labelHidden?: boolean;
  onCommit(value: number): void;
}

/**
 * A number input that never hands on a half-typed value: it commits only numbers in range and
 * otherwise says, next to the field, what it accepts.
 */
export function NumberField({ label, value, min, max, step = 1, integer = true, unit, labelHidden, onCommit }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  // A new value from outside (a preset, a restart) replaces what was typed: adjusted during render, as React recommends.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const parsed = Number(text);
  const problem =
    text.trim() === '' || !Number.isFinite(parsed)
      ? 'Enter a number.'
      : integer && !Number.isInteger(parsed)
        ? 'Enter a whole number.'
        : parsed < min || parsed > max
          ? `Enter ${min} to ${max}.`
          : undefined;

  return (
    <div className="lab-field">
      <label htmlFor={id} className={labelHidden ? 'sr-only' : undefined}>
        {label}
      </label>
      <span className="lab-field-input">
        <input
          id={id}
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          min={min}
          max={max}
          step={step}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const next = Number(event.target.value);
            if (event.target.value.trim() !== '' && Number.isFinite(next) && (!integer || Number.isInteger(next)) && next >= min && next <= max && next !== value) onCommit(next);
          }}
        />
        {unit && <span className="muted">{unit}</span>}
      </span>
      {problem && (
        <span id={`${id}-problem`} className="lab-field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

/** A labelled select over a fixed list of values. */
export function SelectField<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange(value: T): void }) {
  const id = useId();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
