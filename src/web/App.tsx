import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AccountPage } from './features/auth/AccountPage';
import { LoginPage } from './features/auth/LoginPage';
import { FullPageLoader, HomeRedirect, RequireAbility, RequireAuth } from './pages/Guards';
import { ErrorBoundary } from './pages/ErrorBoundary';
import { NotFoundPage } from './pages/StatusPage';
import { Layout } from './shell/Layout';
import { CheckInPage } from './features/stays/CheckInPage';
import { StaysPage } from './features/stays/StaysPage';
import { ReceiptPage } from './features/stays/ReceiptPage';
import ProofPage from './features/offline/ProofPage'; // eager: it must open without signal
import { StayHistoryPage } from './features/stays/StayHistoryPage';

/**
 * A screen loaded on demand. After a deploy an open page may ask for a chunk that no longer
 * exists: reload once to get the new app instead of showing a broken screen.
 */
function lazyScreen<T extends ComponentType>(load: () => Promise<{ default: T }>) {
  return lazy(() =>
    load().then(
      (module) => {
        sessionStorage.removeItem('sinergi.chunkReload');
        return module;
      },
      (err) => {
        if (!sessionStorage.getItem('sinergi.chunkReload')) {
          sessionStorage.setItem('sinergi.chunkReload', '1');
          window.location.reload();
          return new Promise<{ default: T }>(() => undefined);
        }
        throw err;
      },
    ),
  );
}

// The dashboard carries ECharts; the admin screens are for few users: both load on demand.
const DashboardPage = lazyScreen(() => import('./features/dashboard/DashboardPage'));
const AgenciesPage = lazyScreen(() => import('./features/admin/AgenciesPage'));
const ReporterOrgsPage = lazyScreen(() => import('./features/admin/ReporterOrgsPage'));
const UsersPage = lazyScreen(() => import('./features/admin/UsersPage'));
const PersonPage = lazyScreen(() => import('./features/persons/PersonPage'));
const PresentPage = lazyScreen(() => import('./features/present/PresentPage'));
const SearchPage = lazyScreen(() => import('./features/present/SearchPage'));
const ConflictsPage = lazyScreen(() => import('./features/identity/ConflictsPage'));
const ProbableLinksPage = lazyScreen(() => import('./features/person-links/QueuePage'));
const AlertsPage = lazyScreen(() => import('./features/alerts/AlertsPage'));
const AuditPage = lazyScreen(() => import('./features/audit/AuditPage'));
const RegisterPage = lazyScreen(() => import('./features/registration/RegisterPage'));
const VerifyEmailPage = lazyScreen(() => import('./features/registration/VerifyEmailPage'));
const RegistrationsPage = lazyScreen(() => import('./features/registration/RegistrationsPage'));
const GuestFormPage = lazyScreen(() => import('./features/preregistration/GuestFormPage'));
const PublicStatsPage = lazyScreen(() => import('./features/exports/PublicStatsPage'));
const PreregDraftsPage = lazyScreen(() => import('./features/preregistration/DraftsPage'));
const PreregConfirmPage = lazyScreen(() => import('./features/preregistration/ConfirmPage'));
const WorkReportPage = lazyScreen(() => import('./features/work-reports/ReportPage'));
const WorkersPage = lazyScreen(() => import('./features/work-reports/WorkersPage'));
const ResidencePage = lazyScreen(() => import('./features/work-reports/ResidencePage'));
// the field form is precached by the service worker like every chunk: it opens without signal
const SightingFormPage = lazyScreen(() => import('./features/sightings/FieldReportPage'));
const SightingTriagePage = lazyScreen(() => import('./features/sightings/TriagePage'));
const TeamsPage = lazyScreen(() => import('./features/teams/TeamsPage'));
const TeamPage = lazyScreen(() => import('./features/teams/TeamPage'));
const MeetingPage = lazyScreen(() => import('./features/teams/MeetingPage'));
const MyTasksPage = lazyScreen(() => import('./features/teams/MyTasksPage'));
const TeamReportPage = lazyScreen(() => import('./features/teams/ReportPage'));
const CasesPage = lazyScreen(() => import('./features/cases/CasesPage'));
const CasePage = lazyScreen(() => import('./features/cases/CasePage'));
const OperationsPage = lazyScreen(() => import('./features/operations/OperationsPage'));
const OperationPlanPage = lazyScreen(() => import('./features/operations/OperationPlanPage'));
const OperationPage = lazyScreen(() => import('./features/operations/OperationPage'));
const ImportPage = lazyScreen(() => import('./features/imports/ImportPage'));
const ChannelPage = lazyScreen(() => import('./features/channel/ChannelPage'));
const ChannelIndexPage = lazyScreen(() => import('./features/channel/ChannelPage').then((m) => ({ default: m.ChannelIndexPage })));
const ApiKeysPage = lazyScreen(() => import('./features/apikeys/ApiKeysPage'));
// Leaflet and its clusters load only with the map
const MapPage = lazyScreen(() => import('./features/map/MapPage'));
const WatchlistsPage = lazyScreen(() => import('./features/watchlists/WatchlistsPage'));
const WatchlistPage = lazyScreen(() => import('./features/watchlists/WatchlistPage'));

export function App() {
  return (
    <ErrorBoundary>
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/daftar" element={<RegisterPage />} />
        <Route path="/verifikasi-email" element={<VerifyEmailPage />} />
        <Route path="/pra-registrasi/:token" element={<GuestFormPage />} />
        <Route path="/statistik-publik" element={<PublicStatsPage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="dashboard" element={<RequireAbility ability="viewDashboard"><DashboardPage /></RequireAbility>} />
          <Route path="peta" element={<RequireAbility ability="viewMap"><MapPage /></RequireAbility>} />
          <Route path="check-in" element={<RequireAbility ability="checkIn"><CheckInPage /></RequireAbility>} />
          <Route path="check-in/queue/:id" element={<RequireAbility ability="checkIn"><ProofPage /></RequireAbility>} />
          <Route path="imports" element={<RequireAbility ability="checkIn"><ImportPage /></RequireAbility>} />
          <Route path="stays" element={<RequireAbility ability="listStays"><StaysPage /></RequireAbility>} />
          <Route path="stays/:id/receipt" element={<ReceiptPage />} />
          <Route path="stays/:id/history" element={<StayHistoryPage />} />
          <Route path="persons/:id" element={<PersonPage />} />
          <Route path="hadir" element={<RequireAbility ability="viewPresent"><PresentPage /></RequireAbility>} />
          <Route path="cari" element={<RequireAbility ability="searchPersons"><SearchPage /></RequireAbility>} />
          <Route path="alerts" element={<RequireAbility ability="viewAlerts"><AlertsPage /></RequireAbility>} />
          <Route path="work-reports/new" element={<RequireAbility ability="reportWorkers"><WorkReportPage /></RequireAbility>} />
          <Route path="work-reports" element={<RequireAbility ability="listWorkers"><WorkersPage /></RequireAbility>} />
          <Route path="residence-reports/new" element={<RequireAbility ability="reportResidence"><ResidencePage /></RequireAbility>} />
          <Route path="sightings/new" element={<RequireAbility ability="reportSightings"><SightingFormPage /></RequireAbility>} />
          <Route path="sightings" element={<RequireAbility ability="triageSightings"><SightingTriagePage /></RequireAbility>} />
          <Route path="identity-conflicts" element={<RequireAbility ability="viewIdentityConflicts"><ConflictsPage /></RequireAbility>} />
          <Route path="kemungkinan-sama" element={<RequireAbility ability="viewProbableLinks"><ProbableLinksPage /></RequireAbility>} />
          <Route path="tim" element={<RequireAbility ability="viewTeams"><TeamsPage /></RequireAbility>} />
          <Route path="tim/:id" element={<RequireAbility ability="viewTeams"><TeamPage /></RequireAbility>} />
          <Route path="tim/:id/laporan" element={<RequireAbility ability="viewTeams"><TeamReportPage /></RequireAbility>} />
          <Route path="rapat/:id" element={<RequireAbility ability="myTasks"><MeetingPage /></RequireAbility>} />
          <Route path="tugas" element={<RequireAbility ability="myTasks"><MyTasksPage /></RequireAbility>} />
          <Route path="cases" element={<RequireAbility ability="viewCases"><CasesPage /></RequireAbility>} />
          <Route path="cases/:id" element={<RequireAbility ability="viewCases"><CasePage /></RequireAbility>} />
          <Route path="operations" element={<RequireAbility ability="viewOperations"><OperationsPage /></RequireAbility>} />
          <Route path="operations/new" element={<RequireAbility ability="planOperations"><OperationPlanPage /></RequireAbility>} />
          <Route path="operations/:id" element={<RequireAbility ability="viewOperations"><OperationPage /></RequireAbility>} />
          <Route path="channel" element={<RequireAbility ability="teamChannel"><ChannelIndexPage /></RequireAbility>} />
          <Route path="channel/:teamId" element={<RequireAbility ability="teamChannel"><ChannelPage /></RequireAbility>} />
          <Route path="account" element={<AccountPage />} />
          <Route path="pendaftaran" element={<RequireAbility ability="reviewRegistrations"><RegistrationsPage /></RequireAbility>} />
          <Route path="preregistrations" element={<RequireAbility ability="preregistration"><PreregDraftsPage /></RequireAbility>} />
          <Route path="preregistrations/:id" element={<RequireAbility ability="preregistration"><PreregConfirmPage /></RequireAbility>} />
          <Route path="audit" element={<RequireAbility ability="viewAudit"><AuditPage /></RequireAbility>} />
          <Route path="api-keys" element={<RequireAbility ability="manageApiKeys"><ApiKeysPage /></RequireAbility>} />
          <Route path="daftar-pantauan" element={<RequireAbility ability="viewWatchlists"><WatchlistsPage /></RequireAbility>} />
          <Route path="daftar-pantauan/:id" element={<RequireAbility ability="viewWatchlists"><WatchlistPage /></RequireAbility>} />
          <Route path="admin/agencies" element={<RequireAbility ability="manageAgencies"><AgenciesPage /></RequireAbility>} />
          <Route path="admin/reporter-orgs" element={<RequireAbility ability="manageAgencies"><ReporterOrgsPage /></RequireAbility>} />
          <Route path="admin/users" element={<RequireAbility ability="manageUsers"><UsersPage /></RequireAbility>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
    </ErrorBoundary>
  );
}
