// SPDX-License-Identifier: GPL-3.0-or-later
// resourcecheck EXE VERSION: reads EXE's embedded resources the way Windows does and checks
// what a user and the loader see: the application manifest (asInvoker, so no UAC prompt at
// start; per-monitor DPI awareness) and the version shown in the file's Properties > Details.
// Prints one line per finding; exit 0 only when everything is there.
#include <windows.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

int g_failures = 0;

void check(bool ok, const char* what, const std::string& detail = {})
{
    std::printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", what, detail.empty() ? "" : ": ",
                detail.c_str());
    if (!ok)
        ++g_failures;
}

std::string manifestOf(const wchar_t* path)
{
    HMODULE module =
        LoadLibraryExW(path, nullptr, LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE);
    if (!module)
        return {};
    std::string text;
    if (HRSRC found = FindResourceW(module, MAKEINTRESOURCEW(1), MAKEINTRESOURCEW(24))) {
        if (HGLOBAL loaded = LoadResource(module, found)) {
            const char* data = static_cast<const char*>(LockResource(loaded));
            text.assign(data, SizeofResource(module, found));
        }
    }
    FreeLibrary(module);
    return text;
}

std::wstring versionString(const wchar_t* path, const wchar_t* name)
{
    DWORD ignored = 0;
    const DWORD size = GetFileVersionInfoSizeW(path, &ignored);
    if (size == 0)
        return {};
    std::vector<unsigned char> block(size);
    if (!GetFileVersionInfoW(path, 0, size, block.data()))
        return {};
    const std::wstring query = std::wstring(L"\\StringFileInfo\\040904B0\\") + name;
    wchar_t* value = nullptr;
    UINT length = 0;
    if (!VerQueryValueW(block.data(), query.c_str(), reinterpret_cast<void**>(&value), &length) ||
        !value)
        return {};
    return std::wstring(value, length > 0 && value[length - 1] == L'\0' ? length - 1 : length);
}

std::string narrow(const std::wstring& text)
{
    return std::string(text.begin(), text.end()); // the strings checked here are ASCII
}

} // namespace

int wmain(int argc, wchar_t** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: resourcecheck EXE VERSION\n");
        return 2;
    }
    const std::string manifest = manifestOf(argv[1]);
    check(!manifest.empty(), "application manifest (RT_MANIFEST 1) present");
    check(manifest.find("level=\"asInvoker\"") != std::string::npos, "manifest requests asInvoker");
    check(manifest.find(">PerMonitorV2<") != std::string::npos,
          "manifest declares PerMonitorV2 DPI awareness");
    check(manifest.find(">UTF-8</activeCodePage>") != std::string::npos,
          "manifest sets the active code page to UTF-8");

    const std::string fileVersion = narrow(versionString(argv[1], L"FileVersion"));
    check(fileVersion == narrow(argv[2]), "version resource FileVersion", fileVersion);
    const std::string product = narrow(versionString(argv[1], L"ProductName"));
    check(product == "Portolan", "version resource ProductName", product);
    const std::string description = narrow(versionString(argv[1], L"FileDescription"));
    check(!description.empty(), "version resource FileDescription", description);
    return g_failures == 0 ? 0 : 1;
}
