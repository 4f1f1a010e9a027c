#pragma once

#include <atomic>
#include <mutex>
#include <string>

namespace banquise::scene {

// Progress and cooperative cancel of one long job (QGIS's QgsFeedback): the
// worker reports and polls it, the GUI reads and cancels it. Thread-safe.
class Feedback {
public:
    void setProgress(double fraction, const std::string& step)
    {
        m_progress = fraction;
        std::lock_guard<std::mutex> lock(m_mutex);
        m_step = step;
    }
    double progress() const { return m_progress; }
    std::string step() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_step;
    }
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }

private:
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_cancelled{false};
    mutable std::mutex m_mutex;
    std::string m_step;
};

} // namespace banquise::scene
