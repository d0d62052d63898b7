// SPDX-License-Identifier: GPL-3.0-or-later
// The Service Control Manager's calls behind Win32Api (docs/windows-semantics.md#services).
#include "win32services_real.h"

#include "../nativecodes.h"
#include "win32text_real.h"

#include <windows.h>
#include <winsvc.h>

namespace portolan::win32 {

static_assert(SERVICE_STOPPED == kServiceStopped && SERVICE_START_PENDING == kServiceStartPending &&
              SERVICE_STOP_PENDING == kServiceStopPending && SERVICE_RUNNING == kServiceRunning);
static_assert(ERROR_DEPENDENT_SERVICES_RUNNING == native::kErrorDependentServicesRunning);
static_assert(ERROR_INVALID_SERVICE_CONTROL == native::kErrorInvalidServiceControl);
static_assert(ERROR_SERVICE_REQUEST_TIMEOUT == native::kErrorServiceRequestTimeout);
static_assert(ERROR_SERVICE_ALREADY_RUNNING == native::kErrorServiceAlreadyRunning);
static_assert(ERROR_SERVICE_DISABLED == native::kErrorServiceDisabled);
static_assert(ERROR_SERVICE_DOES_NOT_EXIST == native::kErrorServiceDoesNotExist);
static_assert(ERROR_SERVICE_CANNOT_ACCEPT_CTRL == native::kErrorServiceCannotAcceptCtrl);
static_assert(ERROR_SERVICE_NOT_ACTIVE == native::kErrorServiceNotActive);
static_assert(ERROR_SERVICE_MARKED_FOR_DELETE == native::kErrorServiceMarkedForDelete);

namespace {

// The manager and the service, opened with just the access the call needs, closed on return.
class ServiceHandles
{
public:
    ServiceHandles(std::string_view name, DWORD access)
    {
        m_manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
        if (!m_manager) {
            m_error = GetLastError();
            return;
        }
        m_service = OpenServiceW(m_manager, widen(name).c_str(), access);
        if (!m_service)
            m_error = GetLastError();
    }
    ~ServiceHandles()
    {
        if (m_service)
            CloseServiceHandle(m_service);
        if (m_manager)
            CloseServiceHandle(m_manager);
    }
    ServiceHandles(const ServiceHandles&) = delete;
    ServiceHandles& operator=(const ServiceHandles&) = delete;

    SC_HANDLE manager() const { return m_manager; }
    SC_HANDLE service() const { return m_service; }
    DWORD error() const { return m_error; }

private:
    SC_HANDLE m_manager = nullptr;
    SC_HANDLE m_service = nullptr;
    DWORD m_error = 0;
};

std::uint32_t queryService(std::string_view name, ServiceStatus& status, std::string& displayName)
{
    ServiceHandles open(name, SERVICE_QUERY_STATUS);
    if (open.error() != 0)
        return open.error();
    SERVICE_STATUS_PROCESS process{};
    DWORD needed = 0;
    if (!QueryServiceStatusEx(open.service(), SC_STATUS_PROCESS_INFO,
                              reinterpret_cast<LPBYTE>(&process), sizeof process, &needed))
        return GetLastError();
    status.currentState = process.dwCurrentState;
    status.processId = process.dwProcessId;
    status.waitHint = process.dwWaitHint;
    wchar_t buffer[256];
    DWORD size = DWORD(std::size(buffer));
    if (GetServiceDisplayNameW(open.manager(), widen(name).c_str(), buffer, &size))
        displayName = narrow(std::wstring_view(buffer, size));
    return 0;
}

std::uint32_t stopService(std::string_view name)
{
    ServiceHandles open(name, SERVICE_STOP);
    if (open.error() != 0)
        return open.error();
    SERVICE_STATUS status{};
    if (!ControlService(open.service(), SERVICE_CONTROL_STOP, &status))
        return GetLastError();
    return 0;
}

std::uint32_t startService(std::string_view name)
{
    ServiceHandles open(name, SERVICE_START);
    if (open.error() != 0)
        return open.error();
    if (!StartServiceW(open.service(), 0, nullptr))
        return GetLastError();
    return 0;
}

} // namespace

void addServiceCalls(Win32Api& api)
{
    api.queryService = queryService;
    api.stopService = stopService;
    api.startService = startService;
}

} // namespace portolan::win32
