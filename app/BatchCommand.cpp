#include "app/BatchCommand.h"

#include "app/BatchScene.h"
#include "app/BatchSlurm.h"
#include "app/BatchState.h"
#include "app/BatchSummary.h"
#include "app/OffscreenApplication.h"
#include "models/ComputeDevice.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string clockText(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    char text[32];
    std::snprintf(text, sizeof text, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    return text;
}

struct BatchRequest {
    std::string manifest;
    std::string out;
    BatchSettings settings;
    int jobs = 1;
    SlurmRequests slurm;
};

BatchRequest requestOf(const Arguments& args)
{
    BatchRequest r;
    r.manifest = option(args, "--manifest", "");
    r.out = option(args, "--out", "");
    if (r.manifest.empty() || r.out.empty())
        throw std::invalid_argument("batch needs --manifest M and --out DIR");
    r.settings.model = option(args, "--model", "");
    r.settings.torchScript = option(args, "--torchscript", "") == "yes";
    r.settings.prediction.tileSize = static_cast<int>(numberOption(args, "--tile", r.settings.prediction.tileSize));
    r.settings.prediction.monteCarloSamples = static_cast<int>(numberOption(args, "--mc", r.settings.prediction.monteCarloSamples));
    r.settings.leaveOneTrackOut = option(args, "--loto", "no") == "yes";
    r.settings.epsg = static_cast<int>(numberOption(args, "--epsg", r.settings.epsg));
    r.settings.pixelSize = realOption(args, "--pixel-size", r.settings.pixelSize);
    r.jobs = static_cast<int>(numberOption(args, "--jobs", 1));
    r.slurm.partition = option(args, "--partition", "");
    r.slurm.cpusPerTask = static_cast<int>(numberOption(args, "--cpus", r.slurm.cpusPerTask));
    r.slurm.memory = option(args, "--mem", r.slurm.memory);
    r.slurm.gpus = static_cast<int>(numberOption(args, "--gpus", r.slurm.gpus));
    r.slurm.timeLimit = option(args, "--time", "");
    r.slurm.maxRunningTasks = static_cast<int>(numberOption(args, "--max-tasks", 0));
    if (r.jobs < 1)
        throw std::invalid_argument("--jobs must be at least 1");
    return r;
}

// The model as the state remembers it: another file, or the same file
// rewritten (retrained), makes done scenes pending again.
std::string modelKey(const std::string& model)
{
    if (model.empty())
        throw std::invalid_argument("batch needs --model MODEL (a model written by train, or TorchScript)");
    if (!fs::exists(model))
        throw std::invalid_argument(model + ": no such model file");
    const auto written = fs::last_write_time(model).time_since_epoch().count();
    return fs::absolute(model).string() + " " + std::to_string(fs::file_size(model)) + " bytes, written " + std::to_string(written);
}

const BatchEntry& entryNamed(const std::vector<BatchEntry>& entries, const std::string& name, const std::string& manifest)
{
    for (const BatchEntry& entry : entries)
        if (entry.name == name)
            return entry;
    throw std::invalid_argument(manifest + ": names no scene '" + name + "'");
}

// host:pid, after the Slurm task's id when it is one.
std::string thisWorker()
{
    std::string worker = QSysInfo::machineHostName().toStdString() + ":" + std::to_string(QCoreApplication::applicationPid());
    const QByteArray job = qgetenv("SLURM_ARRAY_JOB_ID");
    if (!job.isEmpty())
        worker = "Slurm task " + job.toStdString() + "_" + qgetenv("SLURM_ARRAY_TASK_ID").toStdString() + ", " + worker;
    return worker;
}

// The command each worker runs, before "--scene NAME": this program with
// the batch's settings, every path absolute (a Slurm task starts elsewhere).
std::vector<std::string> workerCommand(const BatchRequest& r)
{
    std::vector<std::string> command{QCoreApplication::applicationFilePath().toStdString(), "batch",
                                     "--manifest", fs::absolute(r.manifest).string(),
                                     "--out", fs::absolute(r.out).string(),
                                     "--model", fs::absolute(r.settings.model).string(),
                                     "--mc", std::to_string(r.settings.prediction.monteCarloSamples),
                                     "--tile", std::to_string(r.settings.prediction.tileSize),
                                     "--loto", r.settings.leaveOneTrackOut ? "yes" : "no",
                                     "--epsg", std::to_string(r.settings.epsg),
                                     "--pixel-size", std::to_string(r.settings.pixelSize)};
    if (r.settings.torchScript)
        command.insert(command.end(), {"--torchscript", "yes"});
    return command;
}

// One scene in this process (what each local worker and each Slurm task runs).
int runOneScene(const BatchRequest& request, const BatchEntry& entry)
{
    BatchState state(request.out);
    models::configureComputeDevice();
    state.start(entry.name, thisWorker());
    const auto start = Clock::now();
    try {
        const auto figures = runBatchScene(entry, request.settings, request.out, [&](const std::string& stage) {
            state.setStage(entry.name, stage);
            std::printf("stage      %s\n", stage.c_str());
            std::fflush(stdout);
        });
        state.finish(entry.name, secondsSince(start), figures);
        std::printf("done       %s in %.1f s\n", entry.name.c_str(), secondsSince(start));
        return 0;
    } catch (const std::exception& e) {
        const std::string stage = state.record(entry.name).stage;
        state.fail(entry.name, secondsSince(start), (stage.empty() ? std::string() : "at " + stage + ": ") + e.what());
        std::fprintf(stderr, "banquise-cli: scene %s failed: %s\n", entry.name.c_str(), e.what());
        return 1;
    }
}

// A worker process for one scene, its output appended to logs/NAME.log.
struct Worker {
    std::string name;
    std::unique_ptr<QProcess> process;
    Clock::time_point start;
};

Worker startWorker(const BatchRequest& request, const std::string& name)
{
    const fs::path logs = fs::path(request.out) / "logs";
    fs::create_directories(logs);
    Worker worker{name, std::make_unique<QProcess>(), Clock::now()};
    const std::vector<std::string> command = workerCommand(request);
    QStringList arguments;
    for (auto word = command.begin() + 1; word != command.end(); ++word)
        arguments << QString::fromStdString(*word);
    arguments << "--scene" << QString::fromStdString(name);
    worker.process->setStandardOutputFile(QString::fromStdString((logs / (name + ".log")).string()), QIODevice::Append);
    worker.process->setProcessChannelMode(QProcess::MergedChannels);
    // Workers side by side share the cores instead of each taking them all.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (request.jobs > 1 && !environment.contains("OMP_NUM_THREADS"))
        environment.insert("OMP_NUM_THREADS", QString::number(std::max(1, QThread::idealThreadCount() / request.jobs)));
    worker.process->setProcessEnvironment(environment);
    worker.process->start(QString::fromStdString(command.front()), arguments);
    return worker;
}

// Why a worker that left its scene running ended.
std::string endOf(const QProcess& process, const std::string& log)
{
    if (process.exitStatus() == QProcess::CrashExit)
        return "the worker was killed or crashed before the scene was done (see " + log + ")";
    return "the worker ended with code " + std::to_string(process.exitCode()) + " before the scene was done (see " + log + ")";
}

// Records the manifest and the model (its modelKey) in the state and
// returns the scenes to run: all but those done whose outputs are still there.
std::vector<std::string> planRun(const BatchRequest& request, const std::vector<BatchEntry>& entries, const std::string& model,
                                 BatchState& state)
{
    state.plan(entries, model);
    std::vector<std::string> toRun;
    for (const BatchSceneRecord& record : manifestRecords(entries, state)) {
        if (record.state == BatchSceneState::Done && !fs::exists(batchSceneFolder(request.out, record.name)))
            state.reopen(record.name); // its outputs were removed
        else if (record.state == BatchSceneState::Done)
            continue;
        toRun.push_back(record.name);
    }
    std::printf("batch      %zu scene(s) in %s: %zu done before (kept), %zu to run\n", entries.size(), request.manifest.c_str(),
                entries.size() - toRun.size(), toRun.size());
    std::fflush(stdout);
    return toRun;
}

// The table and summary.csv; non-zero when a scene failed.
int summarise(const BatchRequest& request, const std::vector<BatchEntry>& entries, const BatchState& state)
{
    const auto records = manifestRecords(entries, state);
    printBatchTable(records);
    std::printf("summary    %s\n", writeBatchSummary(request.out, records).c_str());
    return countStates(records).failed == 0 ? 0 : 1;
}

int runLocally(const BatchRequest& request, const std::vector<BatchEntry>& entries)
{
    const std::string model = modelKey(request.settings.model); // refused before anything is written
    BatchState state(request.out);
    const std::vector<std::string> toRun = planRun(request, entries, model, state);
    std::vector<Worker> running;
    std::size_t next = 0;
    std::size_t finished = 0;
    double busySeconds = 0.0;
    while (next < toRun.size() || !running.empty()) {
        while (next < toRun.size() && static_cast<int>(running.size()) < request.jobs)
            running.push_back(startWorker(request, toRun[next++]));
        for (auto w = running.begin(); w != running.end();) {
            if (w->process->state() != QProcess::NotRunning && !w->process->waitForFinished(200)) {
                ++w;
                continue;
            }
            const std::string log = (fs::path(request.out) / "logs" / (w->name + ".log")).string();
            if (w->process->error() == QProcess::FailedToStart)
                state.fail(w->name, 0.0, "cannot start a worker: " + w->process->errorString().toStdString());
            else
                state.failIfRunning(w->name, endOf(*w->process, log));
            ++finished;
            busySeconds += secondsSince(w->start);
            const BatchSceneRecord record = state.record(w->name);
            const double eta = busySeconds / static_cast<double>(finished) * static_cast<double>(toRun.size() - finished) / request.jobs;
            std::printf("[%zu/%zu]    %-24s %-6s %7.1f s  ETA %s%s%s\n", finished, toRun.size(), w->name.c_str(),
                        batchSceneStateName(record.state), secondsSince(w->start), clockText(eta).c_str(),
                        record.reason.empty() ? "" : "  ", record.reason.c_str());
            std::fflush(stdout);
            w = running.erase(w);
        }
    }
    return summarise(request, entries, state);
}

int runOnSlurm(const BatchRequest& request, const std::vector<BatchEntry>& entries)
{
    const std::string model = modelKey(request.settings.model); // refused before anything is written
    BatchState state(request.out);
    const std::vector<std::string> toRun = planRun(request, entries, model, state);
    if (toRun.empty())
        return summarise(request, entries, state);
    std::vector<std::string> summary{QCoreApplication::applicationFilePath().toStdString(), "batch", "--manifest",
                                     fs::absolute(request.manifest).string(), "--out", fs::absolute(request.out).string(), "--summary"};
    const SlurmSubmission s = submitSlurmBatch(request.out, toRun, workerCommand(request), summary, request.slurm);
    std::printf("slurm      job array %s (%d task(s), %d CPU(s) and %s each%s), summary job %s after it\n"
                "slurm      follow it with: banquise-cli batch --manifest %s --out %s --status\n",
                s.arrayJob.c_str(), s.tasks, request.slurm.cpusPerTask, request.slurm.memory.c_str(),
                request.slurm.gpus > 0 ? (", " + std::to_string(request.slurm.gpus) + " GPU(s)").c_str() : "", s.summaryJob.c_str(),
                request.manifest.c_str(), request.out.c_str());
    return 0;
}

// What the Slurm summary job runs once every task has ended: a scene still
// running has lost its task.
int summariseAfterSlurm(const BatchRequest& request, const std::vector<BatchEntry>& entries)
{
    BatchState state(request.out);
    for (const BatchSceneRecord& record : manifestRecords(entries, state))
        if (record.state == BatchSceneState::Running)
            state.failIfRunning(record.name, "its Slurm task ended before the scene was done (killed, out of time or memory, or its node lost; "
                                             "see logs/" + record.name + ".log and logs/slurm-*.log)");
    return summarise(request, entries, state);
}

int printStatus(const BatchRequest& request, const std::vector<BatchEntry>& entries)
{
    if (!fs::exists(fs::path(request.out) / "batch.sqlite"))
        throw std::invalid_argument(request.out + ": no batch has run into this folder (no batch.sqlite)");
    const BatchState state(request.out);
    printBatchTable(manifestRecords(entries, state));
    if (const SlurmSubmission s = lastSlurmSubmission(request.out); !s.arrayJob.empty()) {
        const std::vector<std::string> queue = slurmQueue(s);
        std::printf("slurm      job array %s (%d task(s)), summary job %s: %s\n", s.arrayJob.c_str(), s.tasks, s.summaryJob.c_str(),
                    queue.empty() ? "no task pending or running" : "in the queue:");
        for (const std::string& line : queue)
            std::printf("           %s\n", line.c_str());
    }
    return 0;
}

} // namespace

int batchCommand(const Arguments& args)
{
    const BatchRequest request = requestOf(args);
    const std::vector<BatchEntry> entries = readBatchManifest(request.manifest);
    ensureOffscreenApplication(); // QProcess, and the comparison's figures
    if (hasFlag(args, "--status"))
        return printStatus(request, entries);
    if (const std::string scene = option(args, "--scene", ""); !scene.empty())
        return runOneScene(request, entryNamed(entries, scene, request.manifest));
    if (hasFlag(args, "--summary"))
        return summariseAfterSlurm(request, entries);
    if (hasFlag(args, "--slurm"))
        return runOnSlurm(request, entries);
    return runLocally(request, entries);
}

} // namespace banquise::app
