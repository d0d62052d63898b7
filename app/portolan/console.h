// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace portolan {
class Backend;
}

namespace portolan::console {

// Wraps the backend the factory made before anything uses it. The product passes none; the
// start-up benchmark's own executable passes a slow one (tests/bench/startup-bench-slow.cpp).
using BackendDecorator = std::function<std::shared_ptr<Backend>(std::shared_ptr<Backend>)>;

// The composition root: options, display check, QApplication, backend, database, services,
// main window. `started` is when main() began, for the start-up benchmark's
// --exit-after-first-paint. Returns the process exit code (see --help).
int runConsole(int argc, char** argv, std::chrono::steady_clock::time_point started,
               const BackendDecorator& decorate = {});

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitNoDisplay = 2;
inline constexpr int kExitCannotOpen = 3;
inline constexpr int kExitScreenshotFailed = 4;

} // namespace portolan::console
