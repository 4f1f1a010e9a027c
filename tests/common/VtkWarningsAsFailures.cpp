// Routes VTK's warnings and errors into Qt's message handler, where the test
// main counts them as failures.
#include <QtGlobal>

#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkOutputWindow.h>

namespace banquise::tests {

namespace {
class QtOutputWindow : public vtkOutputWindow {
public:
    static QtOutputWindow* New();
    vtkTypeMacro(QtOutputWindow, vtkOutputWindow);

    void DisplayErrorText(const char* text) override { qCritical("VTK error: %s", text); }
    void DisplayWarningText(const char* text) override { qWarning("VTK warning: %s", text); }
    void DisplayGenericWarningText(const char* text) override { qWarning("VTK warning: %s", text); }
};
vtkStandardNewMacro(QtOutputWindow);
} // namespace

void installVtkWarningsAsFailures()
{
    vtkNew<QtOutputWindow> window;
    vtkOutputWindow::SetInstance(window);
}

} // namespace banquise::tests
