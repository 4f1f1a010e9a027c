// Runs the QtTest classes of one folder: `tst_folder Class [QtTest args]`
// runs one class, `tst_folder` runs them all. Any warning or error message
// during a run fails it (as Slicer's tests do).
#include "common/TestRegistry.h"

#ifdef BANQUISE_TEST_GUI
#include "widgets/SurfaceFormat.h"

#include <QApplication>
#else
#include <QCoreApplication>
#endif
#include <QTest>

#include <atomic>
#include <cstdio>
#include <vector>

namespace banquise::tests {

std::map<std::string, TestFactory>& testRegistry()
{
    static std::map<std::string, TestFactory> registry;
    return registry;
}

void installVtkWarningsAsFailures();

} // namespace banquise::tests

namespace {
std::atomic<int> g_unexpectedMessages{0};
QtMessageHandler g_previousHandler = nullptr;

void countWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    // QTest's own expected messages (ignoreMessage) never reach here.
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        ++g_unexpectedMessages;
    g_previousHandler(type, context, message);
}
} // namespace

int main(int argc, char** argv)
{
#ifdef BANQUISE_TEST_GUI
    banquise::widgets::useVtkSurfaceFormat();
    QApplication application(argc, argv);
    banquise::tests::installVtkWarningsAsFailures();
#else
    QCoreApplication application(argc, argv);
#endif
    g_previousHandler = qInstallMessageHandler(countWarnings);

    auto& registry = banquise::tests::testRegistry();
    std::vector<std::string> selected;
    std::vector<char*> qtestArgs{argv[0]};
    int first = 1;
    if (argc > 1 && registry.count(argv[1])) {
        selected.push_back(argv[1]);
        first = 2;
    } else {
        for (const auto& entry : registry)
            selected.push_back(entry.first);
    }
    for (int i = first; i < argc; ++i)
        qtestArgs.push_back(argv[i]);

    int failures = 0;
    for (const auto& name : selected) {
        auto test = registry.at(name)();
        failures += QTest::qExec(test.get(), static_cast<int>(qtestArgs.size()), qtestArgs.data());
    }
    if (g_unexpectedMessages > 0) {
        std::fprintf(stderr, "FAIL: %d unexpected warning(s) or error(s) were logged\n", g_unexpectedMessages.load());
        ++failures;
    }
    return failures == 0 ? 0 : 1;
}
