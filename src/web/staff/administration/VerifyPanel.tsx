import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api.ts';
import { useFormatters } from '../../components/format.ts';
import { FormError } from '../../components/forms.tsx';
import { Mono } from '../components/Mono.tsx';
import { INK } from '../components/StatusBadge.tsx';
import type { VerifyResult } from './log-types.ts';
import { adminKeys } from './queries.ts';

/** Reasons verification gives, each with a sentence in every language; another shows the server's own words. */
const REASONS = new Set([
  'unexpected_entry',
  'missing',
  'unreadable',
  'details_missing',
  'details_altered',
  'entry_altered',
  'not_in_head',
  'head_mismatch',
  'checkpoint_mismatch',
  'checkpoint_signature_invalid',
  'checkpoint_beyond_log',
  'checkpoint_missing',
  'tree_node_altered',
  'tree_node_unexpected',
  'access_entry_missing',
  'access_entry_unexpected',
  'access_entry_unreadable',
  'access_entry_altered',
  'access_link_broken',
  'access_not_in_head',
  'access_head_mismatch',
  'access_anchor_mismatch',
  'access_anchor_beyond_log',
]);

/** Names what is at fault: an entry of the log, a stored tree node, or a row of the access log. */
function FirstBad({ result }: { result: Extract<VerifyResult, { ok: false }> }) {
  const { t } = useTranslation();
  if (result.part === 'tree_nodes' && result.node) {
    return <>{t('administration.log.badNode', { level: result.node.level, index: result.node.index })}</>;
  }
  if (result.part === 'access_log') return <>{t('administration.log.firstBadAccess', { seq: result.firstBadSeq })}</>;
  return <>{t('administration.log.firstBad', { seq: result.firstBadSeq })}</>;
}

/** The outcome in words and a symbol, the colour only repeating it. */
function Outcome({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const seconds = format.number(Math.round(result.seconds * 100) / 100);
  if (result.ok) {
    return (
      <Alert
        color="green"
        variant="light"
        title={`✓ ${t('administration.log.intact')}`}
        styles={{ title: { color: INK.green } }}
      >
        <Stack gap={6}>
          <Text size="sm">{t('administration.log.intactText', { count: result.treeSize })}</Text>
          <Text size="sm">
            {t('administration.log.root')} <Mono>{result.rootHash}</Mono>
          </Text>
          <Text size="sm">
            {result.latestCheckpoint
              ? t('administration.log.checkpointsMatch', {
                  count: result.checkpointsVerified,
                  size: result.latestCheckpoint.treeSize,
                  time: format.dateTime(result.latestCheckpoint.signedAt),
                })
              : t('administration.log.noCheckpointYet')}
          </Text>
          <Text size="sm">
            {t('administration.log.accessIntact', {
              count: result.accessLog.size,
              anchors: result.accessLog.anchorsMatched,
            })}
          </Text>
          <Text size="xs">{t('administration.log.took', { seconds })}</Text>
        </Stack>
      </Alert>
    );
  }
  const size = result.checkpoint?.treeSize ?? 0;
  return (
    <Alert
      color="red"
      variant="light"
      title={`✗ ${t('administration.log.altered')}`}
      styles={{ title: { color: INK.red } }}
    >
      <Stack gap={6}>
        <Text size="sm" fw={700}>
          <FirstBad result={result} />
        </Text>
        <Text size="sm">
          {t('administration.log.reason')}{' '}
          {REASONS.has(result.reason) ? t(`administration.log.reasons.${result.reason}`, { size }) : result.message}
        </Text>
        {result.part === 'tree_nodes' ? (
          <Text size="sm">{t('administration.log.cacheOnly')}</Text>
        ) : (
          <Text size="sm">{t('administration.log.checkedBefore', { count: result.entriesChecked })}</Text>
        )}
        <Text size="xs">{t('administration.log.took', { seconds })}</Text>
      </Stack>
    </Alert>
  );
}

/** Runs the server's full verification of the log on request and says plainly whether it is intact. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => api.post<VerifyResult>('/audit/verify'),
    // A checkpoint may have been signed meanwhile: show the latest beside the result.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.checkpoint });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="log-verify">
      <Title order={2} size="h4" id="log-verify" mb="sm">
        {t('administration.log.verifyTitle')}
      </Title>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('administration.log.verifyIntro')}</Text>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} disabled={verify.isPending}>
          {t('administration.log.verify')}
        </Button>
        <div role="status" aria-live="polite" style={{ width: '100%' }}>
          {verify.isPending ? <Text size="sm">{t('administration.log.verifying')}</Text> : null}
          {verify.data ? <Outcome result={verify.data} /> : null}
        </div>
        <FormError error={verify.error} />
      </Stack>
    </Paper>
  );
}
