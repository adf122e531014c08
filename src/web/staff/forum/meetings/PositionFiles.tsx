import { Anchor, Button, FileInput, Group, List, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITION_ATTACHMENT_MAX_BYTES, POSITION_ATTACHMENTS_MAX } from '../../../../shared/forum/constants.ts';
import type { Position, PositionAttachment } from '../../../../shared/forum/schemas/meetings.ts';
import { API_BASE, api } from '../../../api/api.ts';
import { useFormatters } from '../../../components/format.ts';
import { FormError } from '../../../components/forms.tsx';
import { meetingKeys } from './queries.ts';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp';

/**
 * A position's files, each a download (the server checks who asks on every download); for the organisation that
 * submitted it, while positions are still received, a file to attach (a PDF, or an image whose metadata the
 * server removes).
 */
export function PositionFiles({
  meetingId,
  position,
  canAttach,
}: {
  meetingId: string;
  position: Position;
  canAttach: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: (chosen: File) =>
      api.post<PositionAttachment>(
        `/forum/meetings/${meetingId}/positions/${position.id}/attachments?name=${encodeURIComponent(chosen.name)}`,
        chosen,
      ),
    onSuccess: () => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
    },
  });
  const room = canAttach && position.attachments.length < POSITION_ATTACHMENTS_MAX;
  if (position.attachments.length === 0 && !room) return null;
  return (
    <div>
      <Text size="sm" fw={600} mt="xs">
        {t('forumMeetings.files.title')}
      </Text>
      {position.attachments.length > 0 ? (
        <List size="sm" spacing={2}>
          {position.attachments.map((attachment) => (
            <List.Item key={attachment.id}>
              <Anchor
                href={`${API_BASE}${attachment.href.replace(/^\/api\/v1/, '')}`}
                download={attachment.fileName}
                dir="auto"
                style={{ overflowWrap: 'anywhere' }}
              >
                {attachment.fileName}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({t('forumMeetings.files.size', { kilobytes: format.number(Math.ceil(attachment.byteSize / 1024)) })})
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {room ? (
        <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
          <FileInput
            label={t('forumMeetings.files.choose')}
            description={t('forumMeetings.files.hint', { megabytes: POSITION_ATTACHMENT_MAX_BYTES / (1024 * 1024) })}
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            miw={220}
          />
          <Button size="sm" disabled={!file} loading={attach.isPending} onClick={() => file && attach.mutate(file)}>
            {t('forumMeetings.files.attach')}
          </Button>
        </Group>
      ) : null}
      <FormError error={attach.error} />
    </div>
  );
}
