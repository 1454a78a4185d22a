/**
 * The editing state of one sheet on the device: the value, autosave to the drafts a moment after
 * each change (and on leaving the screen), an explicit save, and submit → the outbox (atomically
 * out of the drafts). Shared by free sheets and assignment sheets.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { queueSheet, saveDraft, type DraftSheet } from '../lib/offline-db.ts';
import type { SheetValue } from './sheet-model.ts';

const AUTOSAVE_MS = 600;

export interface SheetIdentity {
  sheetId: string;
  schemeId: string;
  instrument: string;
  unitKey: string;
  cycleId?: string | undefined;
  replaces?: boolean | undefined;
}

export function useSheetDraft(identity: SheetIdentity, initial: { value: SheetValue; createdAt?: string; updatedAt?: string | null }) {
  const [value, setValue] = useState<SheetValue>(initial.value);
  const [savedAt, setSavedAt] = useState<string | null>(initial.updatedAt ?? null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const createdAt = useRef(initial.createdAt ?? new Date().toISOString());
  const dirty = useRef(false);
  const finished = useRef(false);
  const latest = useRef(value);
  latest.current = value;
  const { sheetId, schemeId, instrument, unitKey, cycleId, replaces } = identity;

  const record = useCallback(
    (v: SheetValue): Omit<DraftSheet, 'updatedAt'> => {
      const draft: Omit<DraftSheet, 'updatedAt'> = { id: sheetId, schemeId, instrument, unitKey, value: v, createdAt: createdAt.current };
      if (cycleId) draft.cycleId = cycleId;
      if (replaces) draft.replaces = true;
      return draft;
    },
    [sheetId, schemeId, instrument, unitKey, cycleId, replaces],
  );

  const save = useCallback(async () => {
    if (finished.current) return;
    dirty.current = false;
    try {
      const saved = await saveDraft(record(latest.current));
      setSavedAt(saved.updatedAt);
      setSaveFailed(false);
    } catch {
      dirty.current = true;
      setSaveFailed(true);
    }
  }, [record]);

  const onChange = useCallback((update: (prev: SheetValue) => SheetValue) => {
    dirty.current = true;
    setValue(update);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: every edit of `value` restarts the autosave timer
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [value, save]);

  // Leaving the screen keeps what was typed since the last autosave.
  useEffect(() => () => void (dirty.current && save()), [save]);

  /** Moves the finished sheet to the outbox; false when the device refused to store it. */
  const submit = useCallback(
    async (v: SheetValue): Promise<boolean> => {
      finished.current = true;
      setSubmitting(true);
      try {
        await queueSheet(record(v));
        return true;
      } catch {
        finished.current = false;
        setSaveFailed(true);
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [record],
  );

  return { value, onChange, save, savedAt, saveFailed, submitting, submit };
}
