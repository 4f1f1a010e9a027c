// A season mapped headless (issue #24): banquise-cli batch over six 50 km
// scenes of three regimes, run locally (one worker, then two side by side)
// and as a Slurm job array on a one-node cluster started here from Debian's
// packages (two tasks of one CPU each). Scenes per hour of wall time, from
// the command's start to its summary.
#include "BenchReport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

constexpr int kScenes = 6;
constexpr int kSceneKm = 50;

struct Output {
    int exitCode = -1;
    QString text;
};

Output run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.waitForFinished(-1);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAll())};
}

bool fail(const char* what, const Output& output)
{
    std::fprintf(stderr, "bench_batch: %s failed:\n%s\n", what, qPrintable(output.text));
    return false;
}

// Seconds of wall time for a whole local batch; negative when it fails.
double localBatch(const QString& cli, const QStringList& batch, const QString& out, int jobs)
{
    QElapsedTimer timer;
    timer.start();
    const Output output = run(cli, batch + QStringList{"--out", out, "--jobs", QString::number(jobs)});
    if (output.exitCode != 0)
        return fail("the local batch", output) ? 0.0 : -1.0;
    return timer.elapsed() / 1000.0;
}

// Seconds from the submission until the summary job has left the queue.
double slurmBatch(const QString& cli, const QString& cluster, const QString& folder, const QStringList& batch, const QString& manifest)
{
    const Output started = run(cluster, {"start", folder + "/cluster"});
    if (started.exitCode != 0)
        return fail("starting the Slurm cluster", started) ? 0.0 : -1.0;
    qputenv("SLURM_CONF", started.text.trimmed().toUtf8());
    const QString out = folder + "/slurm";
    QElapsedTimer timer;
    timer.start();
    double seconds = -1.0;
    const Output submitted = run(cli, batch + QStringList{"--out", out, "--slurm", "--cpus", "1", "--mem", "4G"});
    if (submitted.exitCode != 0) {
        fail("the submission", submitted);
    } else {
        for (;;) {
            const Output status = run(cli, {"batch", "--manifest", manifest, "--out", out, "--status"});
            if (status.text.contains("no task pending or running")) {
                if (status.text.contains(QString("%1 scene(s): %1 done").arg(kScenes)))
                    seconds = timer.elapsed() / 1000.0;
                else
                    fail("a Slurm task", status);
                break;
            }
            QThread::msleep(500);
        }
    }
    run(cluster, {"stop", folder + "/cluster"});
    return seconds;
}

} // namespace

using namespace banquise;

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_batch CLI SLURM_CLUSTER_SCRIPT FOLDER MODEL\n");
        return 2;
    }
    const QString cli = argv[1];
    const QString cluster = argv[2];
    const QString folder = argv[3];
    const QString model = argv[4];
    QDir().mkpath(folder);
    const char* regimes[] = {"winter_pack", "marginal_ice_zone", "refreezing_leads"};
    const QString manifest = folder + "/season.txt";
    std::ofstream list(manifest.toStdString());
    for (int k = 0; k < kScenes; ++k) {
        const QString name = QString("%1-%2").arg(regimes[k % 3]).arg(41 + k);
        const Output made = run(cli, {"synth", "--out", folder + "/" + name, "--size-km", QString::number(kSceneKm), "--seed",
                                      QString::number(41 + k), "--regime", regimes[k % 3]});
        if (made.exitCode != 0)
            return fail("synth", made) ? 0 : 1;
        list << name.toStdString() << ' ' << name.toStdString() << '\n';
    }
    list.close();
    const QStringList batch{"batch", "--manifest", manifest, "--model", model};

    const double oneWorker = localBatch(cli, batch, folder + "/local", 1);
    const double twoWorkers = localBatch(cli, batch, folder + "/local-jobs2", 2);
    const double slurm = slurmBatch(cli, cluster, folder, batch, manifest);
    if (oneWorker <= 0.0 || twoWorkers <= 0.0 || slurm <= 0.0)
        return 1;
    bench::report("batch_scene_mpx", (kSceneKm * 25.0) * (kSceneKm * 25.0) / 1e6);
    bench::report("batch_scenes_per_hour_local", kScenes * 3600.0 / oneWorker);
    bench::report("batch_scenes_per_hour_local_jobs2", kScenes * 3600.0 / twoWorkers);
    bench::report("batch_scenes_per_hour_slurm", kScenes * 3600.0 / slurm);
    return 0;
}
