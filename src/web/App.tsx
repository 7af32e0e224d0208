import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AccountPage } from './features/auth/AccountPage';
import { LoginPage } from './features/auth/LoginPage';
import { FullPageLoader, HomeRedirect, RequireAbility, RequireAuth } from './pages/Guards';
import { NotFoundPage } from './pages/StatusPage';
import { Layout } from './shell/Layout';
import { CheckInPage } from './features/stays/CheckInPage';
import { StaysPage } from './features/stays/StaysPage';
import { ReceiptPage } from './features/stays/ReceiptPage';

// The dashboard carries ECharts; the admin screens are for few users: both load on demand.
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const AgenciesPage = lazy(() => import('./features/admin/AgenciesPage'));
const ReporterOrgsPage = lazy(() => import('./features/admin/ReporterOrgsPage'));
const UsersPage = lazy(() => import('./features/admin/UsersPage'));

export function App() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="dashboard" element={<RequireAbility ability="viewDashboard"><DashboardPage /></RequireAbility>} />
          <Route path="check-in" element={<RequireAbility ability="checkIn"><CheckInPage /></RequireAbility>} />
          <Route path="stays" element={<RequireAbility ability="checkIn"><StaysPage /></RequireAbility>} />
          <Route path="stays/:id/receipt" element={<ReceiptPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="admin/agencies" element={<RequireAbility ability="manageAgencies"><AgenciesPage /></RequireAbility>} />
          <Route path="admin/reporter-orgs" element={<RequireAbility ability="manageAgencies"><ReporterOrgsPage /></RequireAbility>} />
          <Route path="admin/users" element={<RequireAbility ability="manageUsers"><UsersPage /></RequireAbility>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
