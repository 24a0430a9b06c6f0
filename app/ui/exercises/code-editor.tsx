'use client';

import { useEffect, useRef } from 'react';
import { followSiteTheme, monaco, siteTheme, SOLUTION_URI, setExerciseTypes } from './monaco';

/** What the workspace can do with the editor once it has loaded. */
export interface EditorHandle {
  getValue(): string;
  /** Replaces the text as one undoable edit (reset to starter). */
  replaceAll(text: string): void;
  focus(): void;
}

interface Props {
  types: string;
  /** The code to open with: read when the editor is created (a saved draft, or the starter). */
  initialValue: () => string;
  onReady: (editor: EditorHandle) => void;
  /** Called after each edit the learner makes. */
  onChange: (code: string) => void;
  label: string;
}

/** Monaco on the learner's solution.ts. Client-only; the workspace loads it with next/dynamic. */
export default function CodeEditor({ types, initialValue, onReady, onChange, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onReady, onChange, initialValue });
  useEffect(() => {
    callbacks.current = { onReady, onChange, initialValue };
  });

  useEffect(() => {
    setExerciseTypes(types);
    const uri = monaco.Uri.parse(SOLUTION_URI);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(callbacks.current.initialValue(), 'typescript', uri);
    const editor = monaco.editor.create(host.current!, {
      model,
      theme: siteTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      // 'dimmed' draws the last line number in a colour that fails contrast.
      renderFinalNewline: 'on',
      ariaLabel: label,
    });
    const stopTheme = followSiteTheme((theme) => monaco.editor.setTheme(theme));
    const changes = model.onDidChangeContent(() => callbacks.current.onChange(model.getValue()));
    callbacks.current.onReady({
      getValue: () => model.getValue(),
      replaceAll: (text) => {
        editor.pushUndoStop();
        editor.executeEdits('reset', [{ range: model.getFullModelRange(), text }]);
        editor.pushUndoStop();
      },
      focus: () => editor.focus(),
    });
    return () => {
      changes.dispose();
      stopTheme();
      editor.dispose();
      model.dispose();
    };
  }, [types, label]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}
