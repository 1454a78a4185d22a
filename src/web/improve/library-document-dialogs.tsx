/**
 * Editing and deleting a library document (issue 12 §3). Edit: type, title, issuing date and
 * validity end (`PATCH /library-documents/:id`, only what changed). Delete: a document still
 * linked says where and offers no delete (its links are evidence — unlink them first); one linked
 * nowhere is deleted after a confirmation (`DELETE /library-documents/:id`). Refusals translated.
 */
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LibraryDocumentDetail, LibraryDocumentPage, LibraryDocumentPatch } from '../../shared/wire/library-docs.ts';
import { LIBRARY_TITLE_MAX } from '../../shared/wire/limits.ts';
import { useDeleteLibraryDocument, useUpdateLibraryDocument } from '../api/library-docs-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { useUseLabel } from './library-list.tsx';

export interface DocumentFieldValues {
  type: string;
  title: string;
  issuedOn: string;
  validUntil: string;
}

/** A document's own fields, as the add and edit forms ask them: type (from the library file), title, issuing date, validity end. */
export function DocumentFields({
  page,
  value,
  onChange,
  missing,
}: {
  page: LibraryDocumentPage;
  value: DocumentFieldValues;
  onChange: (value: DocumentFieldValues) => void;
  /** The "required" message once the user tried to save with the field empty. */
  missing: (v: string) => string | undefined;
}) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const set = (patch: Partial<DocumentFieldValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <NativeSelect
        label={t('library.type')}
        required
        value={value.type}
        onChange={(e) => set({ type: e.currentTarget.value })}
        data={page.types.map((x) => ({ value: x.code, label: x.title[format.lang] }))}
      />
      <TextInput
        label={t('library.doc_title')}
        required
        maxLength={LIBRARY_TITLE_MAX}
        value={value.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={missing(value.title.trim())}
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t('library.issued')}
          required
          value={value.issuedOn}
          onChange={(e) => set({ issuedOn: e.currentTarget.value })}
          error={missing(value.issuedOn)}
          miw={160}
        />
        <TextInput
          type="date"
          label={t('library.valid_until_label')}
          value={value.validUntil}
          onChange={(e) => set({ validUntil: e.currentTarget.value })}
          miw={160}
        />
      </Group>
    </>
  );
}

export function EditDocumentDialog({
  doc,
  page,
  onClose,
}: {
  doc: LibraryDocumentDetail | null;
  page: LibraryDocumentPage;
  onClose: () => void;
}) {
  const { t } = useTranslation('improve');
  return (
    <Modal opened={doc !== null} onClose={onClose} title={t('library.edit_title')} size="lg">
      {doc && <EditDocumentForm doc={doc} page={page} onDone={onClose} />}
    </Modal>
  );
}

function EditDocumentForm({ doc: d, page, onDone }: { doc: LibraryDocumentDetail; page: LibraryDocumentPage; onDone: () => void }) {
  const { t } = useTranslation('improve');
  const update = useUpdateLibraryDocument(d.id);
  const [type, setType] = useState(d.type);
  const [title, setTitle] = useState(d.title);
  const [issuedOn, setIssuedOn] = useState(d.issuedOn);
  const [validUntil, setValidUntil] = useState(d.validUntil ?? '');
  const [tried, setTried] = useState(false);
  const missing = (v: string) => (tried && !v ? t('plan.required') : undefined);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!title.trim() || !issuedOn) return;
        const patch: LibraryDocumentPatch = {};
        if (type !== d.type) patch.type = type;
        if (title.trim() !== d.title) patch.title = title.trim();
        if (issuedOn !== d.issuedOn) patch.issuedOn = issuedOn;
        if ((validUntil || null) !== d.validUntil) patch.validUntil = validUntil || null;
        if (Object.keys(patch).length === 0) return onDone();
        update.mutate(patch, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('library.edited') });
            onDone();
          },
        });
      }}
    >
      <Stack gap="sm">
        <DocumentFields
          page={page}
          value={{ type, title, issuedOn, validUntil }}
          onChange={(v) => {
            setType(v.type);
            setTitle(v.title);
            setIssuedOn(v.issuedOn);
            setValidUntil(v.validUntil);
          }}
          missing={missing}
        />
        <Text size="xs" c="dimmed">
          {t('library.edit_file_hint')}
        </Text>
        {update.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, update.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('library.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('library.edit_save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeleteDocumentDialog({ doc, onClose }: { doc: LibraryDocumentDetail | null; onClose: () => void }) {
  const { t } = useTranslation('improve');
  const remove = useDeleteLibraryDocument();
  const labelOf = useUseLabel();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={doc !== null} onClose={close} title={t('library.delete_title')}>
      {doc && (
        <Stack gap="sm">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {doc.title}
          </Text>
          {doc.uses.length > 0 ? (
            <>
              <Alert color="yellow" role="status">
                {t('library.delete_linked', { count: doc.uses.length })}
              </Alert>
              <List size="sm" spacing={4}>
                {doc.uses.map((u) => (
                  <List.Item key={u.id} style={{ overflowWrap: 'anywhere' }}>
                    {labelOf(u)}
                  </List.Item>
                ))}
              </List>
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('library.close')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">{t('library.delete_confirm')}</Text>
              {remove.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(t, remove.error)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('library.cancel')}
                </Button>
                <Button
                  color="red"
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(doc.id, {
                      onSuccess: () => {
                        notifications.show({ color: 'teal', message: t('library.deleted', { title: doc.title }) });
                        close();
                      },
                    })
                  }
                >
                  {t('library.delete_do')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
