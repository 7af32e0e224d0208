import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useMe';

/** A reporter not yet verified is told why it cannot report: waiting for the office, or turned down and why. */
export function RegistrationStatusBanner() {
  const { t } = useTranslation();
  const org = useCurrentUser().reporterOrg;
  if (!org || org.verified) return null;
  if (org.registrationStatus === 'rejected') {
    return (
      <Alert color="red" mb="md" title={t('registration.bannerRejectedTitle')} data-testid="registration-banner">
        {t('registration.bannerRejected', { reason: org.rejectedReason ?? '' })}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" mb="md" title={t('registration.bannerPendingTitle')} data-testid="registration-banner">
      {t('registration.bannerPending')}
    </Alert>
  );
}
