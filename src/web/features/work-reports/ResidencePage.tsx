import { ReportPage } from './ReportPage';

/** A private host's report of a foreigner living with them (the report form with fewer fields). */
export default function ResidencePage() {
  return <ReportPage mode="residence" />;
}
