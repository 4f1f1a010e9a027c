#include "app/BatchSlurm.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace banquise::app {

namespace fs = std::filesystem;

namespace {

std::string shellQuoted(const std::string& text)
{
    std::string quoted = "'";
    for (const char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string commandLine(const std::vector<std::string>& command)
{
    std::string line = "exec";
    for (const std::string& word : command)
        line += " " + shellQuoted(word);
    return line;
}

void writeScript(const fs::path& path, const std::string& body)
{
    {
        std::ofstream script(path);
        script << "#!/bin/sh\n# Written by banquise-cli batch --slurm.\n" << body;
        if (!script.flush())
            throw std::runtime_error(path.string() + ": cannot write the Slurm script");
    }
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec, fs::perm_options::replace);
}

// The job id sbatch --parsable prints ("ID" or "ID;cluster").
std::string sbatch(const QStringList& arguments)
{
    QProcess process;
    process.start("sbatch", arguments);
    if (!process.waitForStarted())
        throw std::runtime_error("cannot run sbatch (" + process.errorString().toStdString()
                                 + "): Slurm's client commands must be on the PATH (Debian: slurm-client)");
    process.waitForFinished(120000);
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || out.isEmpty())
        throw std::runtime_error("sbatch refused the batch: " + QString::fromUtf8(process.readAllStandardError()).trimmed().toStdString());
    return out.section(';', 0, 0).toStdString();
}

QStringList taskRequests(const SlurmRequests& r)
{
    QStringList arguments{"--cpus-per-task", QString::number(r.cpusPerTask), "--mem", QString::fromStdString(r.memory)};
    if (!r.partition.empty())
        arguments << "--partition" << QString::fromStdString(r.partition);
    if (r.gpus > 0)
        arguments << QString("--gres=gpu:%1").arg(r.gpus);
    if (!r.timeLimit.empty())
        arguments << "--time" << QString::fromStdString(r.timeLimit);
    return arguments;
}

QString arrayRange(std::size_t tasks, int maxRunning)
{
    const QString range = QString("0-%1").arg(tasks - 1);
    return maxRunning > 0 ? range + QString("%%1").arg(maxRunning) : range;
}

fs::path submissionsFile(const std::string& out)
{
    return fs::path(out) / "slurm" / "submissions.txt";
}

} // namespace

SlurmSubmission submitSlurmBatch(const std::string& out, const std::vector<std::string>& scenes, const std::vector<std::string>& taskCommand,
                                 const std::vector<std::string>& summaryCommand, const SlurmRequests& requests)
{
    const fs::path root = fs::absolute(out);
    int number = 1;
    while (fs::exists(root / "slurm" / ("submission-" + std::to_string(number))))
        ++number;
    const fs::path folder = root / "slurm" / ("submission-" + std::to_string(number));
    fs::create_directories(folder);
    fs::create_directories(root / "logs");
    {
        std::ofstream list(folder / "scenes.txt");
        for (const std::string& scene : scenes)
            list << scene << '\n';
    }
    // Task k runs line k + 1 of the list; its worker writes the scene's own log.
    writeScript(folder / "task.sh", "export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\nscene=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " + shellQuoted((folder / "scenes.txt").string())
                                        + ")\n" + commandLine(taskCommand) + " --scene \"$scene\" >> "
                                        + shellQuoted((root / "logs").string()) + "/\"$scene\".log 2>&1\n");
    writeScript(folder / "summary.sh", commandLine(summaryCommand) + "\n");

    SlurmSubmission s;
    s.folder = folder.string();
    s.tasks = static_cast<int>(scenes.size());
    const QString logs = QString::fromStdString((root / "logs").string());
    s.arrayJob = sbatch(QStringList{"--parsable", "--job-name", "banquise-batch", "--array", arrayRange(scenes.size(), requests.maxRunningTasks),
                                    "--output", logs + "/slurm-%A_%a.log"}
                        + taskRequests(requests) + QStringList{QString::fromStdString((folder / "task.sh").string())});
    s.summaryJob = sbatch({"--parsable", "--job-name", "banquise-summary", "--dependency", QString::fromStdString("afterany:" + s.arrayJob),
                           "--cpus-per-task", "1", "--mem", "1G", "--output", logs + "/slurm-summary-%j.log",
                           QString::fromStdString((folder / "summary.sh").string())});
    std::ofstream(submissionsFile(out), std::ios::app) << s.arrayJob << ' ' << s.summaryJob << ' ' << s.tasks << ' ' << s.folder << '\n';
    return s;
}

SlurmSubmission lastSlurmSubmission(const std::string& out)
{
    SlurmSubmission last;
    std::ifstream file(submissionsFile(out));
    for (SlurmSubmission s; file >> s.arrayJob >> s.summaryJob >> s.tasks && std::getline(file >> std::ws, s.folder);)
        last = s;
    return last;
}

std::vector<std::string> slurmQueue(const SlurmSubmission& submission)
{
    QProcess process;
    process.start("squeue", {"--noheader", "--jobs", QString::fromStdString(submission.arrayJob + "," + submission.summaryJob), "--format",
                             "%i %T %R"});
    if (!process.waitForStarted() || !process.waitForFinished(60000))
        throw std::runtime_error("cannot run squeue: Slurm's client commands must be on the PATH (Debian: slurm-client)");
    std::vector<std::string> lines;
    // squeue refuses job ids it has forgotten (all over for a while): nothing left in the queue.
    if (process.exitCode() != 0)
        return lines;
    for (const QString& line : QString::fromUtf8(process.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
        lines.push_back(line.trimmed().toStdString());
    return lines;
}

} // namespace banquise::app
