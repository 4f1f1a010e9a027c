#pragma once

#include <string>
#include <vector>

namespace banquise::app {

// What each Slurm task asks for (sbatch's own options).
struct SlurmRequests {
    std::string partition; // the cluster's default when empty
    int cpusPerTask = 2;
    std::string memory = "8G"; // per task, sbatch's syntax
    int gpus = 0;              // --gres=gpu:N
    std::string timeLimit;     // per task, sbatch's syntax; the partition's when empty
    int maxRunningTasks = 0;   // at once (sbatch --array=...%N); no limit when 0
};

struct SlurmSubmission {
    std::string arrayJob;   // one task per scene
    std::string summaryJob; // after every task, whatever their end
    int tasks = 0;
    std::string folder; // out/slurm/submission-N: the scripts and the scene list
};

// Submits one job array, task k running `taskCommand` with "--scene" and
// the k-th of `scenes` (its output appended to out/logs/NAME.log), and a
// job that runs `summaryCommand` once every task has ended (afterany).
// Commands are argument lists, quoted for the shell here. Throws
// std::runtime_error with sbatch's message when a submission is refused,
// or when sbatch is not on the PATH.
SlurmSubmission submitSlurmBatch(const std::string& out, const std::vector<std::string>& scenes, const std::vector<std::string>& taskCommand,
                                 const std::vector<std::string>& summaryCommand, const SlurmRequests& requests);

// The last submission into `out` (empty ids when none).
SlurmSubmission lastSlurmSubmission(const std::string& out);

// squeue's lines for the tasks of these jobs still pending or running
// ("JOBID STATE REASON"); empty when they are all over.
std::vector<std::string> slurmQueue(const SlurmSubmission& submission);

} // namespace banquise::app
