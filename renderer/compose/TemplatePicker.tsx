// Choosing one of my templates (filled in with the person's name and handle, then editable),
// saving the current text as a template, and deleting one.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTemplatesStore } from '../stores/templatesStore';

interface TemplatePickerProps {
  /** The composer's current text, saved by "Save as template". */
  text: string;
  onPick(body: string): void;
}

export function TemplatePicker({ text, onPick }: TemplatePickerProps) {
  const templates = useTemplatesStore((s) => s.templates);
  const loaded = useTemplatesStore((s) => s.loaded);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const selected = templates.find((t) => t.id === selectedId) ?? null;

  useEffect(() => {
    if (!loaded) void useTemplatesStore.getState().load();
  }, [loaded]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError('Give the template a name.');
    if (text.trim() === '') return setError('Write the message first, then save it as a template.');
    const template = await useTemplatesStore.getState().save({ name: name.trim(), body: text.trim() });
    if (template) {
      setSelectedId(template.id);
      setNaming(false);
      setName('');
      setError(null);
    }
  };

  return (
    <div className="template-picker">
      <div className="composer-row">
        <select
          className="select"
          aria-label="Template"
          value={selectedId ?? ''}
          onChange={(event) => {
            const id = Number(event.target.value);
            const template = templates.find((t) => t.id === id);
            setSelectedId(template ? template.id : null);
            if (template) onPick(template.body);
          }}
        >
          <option value="">{templates.length === 0 ? 'No templates yet' : 'Start from a template…'}</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
        <button type="button" className="button button-quiet" aria-expanded={naming} onClick={() => setNaming((n) => !n)}>
          Save as template
        </button>
        {selected ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setSelectedId(null);
              void useTemplatesStore.getState().remove(selected.id);
            }}
          >
            Delete template “{selected.name}”
          </button>
        ) : null}
      </div>
      {naming ? (
        <form className="composer-row" onSubmit={(event) => void save(event)} noValidate>
          <label htmlFor={nameId} className="visually-hidden">
            Template name
          </label>
          <input id={nameId} className="input" placeholder="Template name" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="button">
            Save template
          </button>
        </form>
      ) : null}
      {naming ? <p className="field-help">Write {'{name}'} and {'{handle}'} where the person&apos;s name and handle should go.</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
