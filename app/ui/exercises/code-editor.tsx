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
  /** Ctrl/⌘+Enter. */
  onRun: () => void;
  /** Ctrl/⌘+Shift+Enter. */
  onSubmit: () => void;
  /** Whether Tab leaves the editor instead of indenting; Ctrl/⌘+M flips it through onToggleTabMode. */
  tabMovesFocus: boolean;
  onToggleTabMode: () => void;
  /** Tab (or Shift+Tab) pressed while Tab moves focus: the workspace focuses the next control. */
  onTabOut: (direction: 'forward' | 'backward') => void;
}

/** Monaco on the learner's solution.ts. Client-only; the workspace loads it with next/dynamic. */
export default function CodeEditor({ types, initialValue, onReady, onChange, label, onRun, onSubmit, tabMovesFocus, onToggleTabMode, onTabOut }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onReady, onChange, initialValue, onRun, onSubmit, onToggleTabMode, onTabOut, tabMovesFocus });
  useEffect(() => {
    callbacks.current = { onReady, onChange, initialValue, onRun, onSubmit, onToggleTabMode, onTabOut, tabMovesFocus };
  });
  useEffect(() => {
    instance.current?.updateOptions({ tabFocusMode: tabMovesFocus });
  }, [tabMovesFocus]);

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
      wordWrap: 'on',
      tabFocusMode: callbacks.current.tabMovesFocus,
      ariaLabel: label,
    });
    instance.current = editor;
    const { KeyMod, KeyCode } = monaco;
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, () => callbacks.current.onRun());
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter, () => callbacks.current.onSubmit());
    // Monaco's own Ctrl+M flips a page-wide mode nobody sees; this one is shown beside the editor and remembered.
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyM, () => callbacks.current.onToggleTabMode());
    // Left to the browser, Tab from Monaco's hidden textarea lands on <body>: send focus to a real control.
    const tabs = editor.onKeyDown((event) => {
      if (!callbacks.current.tabMovesFocus || event.keyCode !== KeyCode.Tab || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      event.stopPropagation();
      callbacks.current.onTabOut(event.shiftKey ? 'backward' : 'forward');
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
      instance.current = null;
      tabs.dispose();
      changes.dispose();
      stopTheme();
      editor.dispose();
      model.dispose();
    };
  }, [types, label]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}
