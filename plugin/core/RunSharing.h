//
// RunSharing.h
//


#ifndef Reminders_RunSharing_INCLUDED
#define Reminders_RunSharing_INCLUDED


#include <string>


namespace reminders {


class RunSharing
/// How several instances share one week's run. Pure.
///
/// One instance plans the run under the run's lease (the planning lease);
/// once the plan is written every instance that finds the run open helps:
/// it claims batches of the planned messages, each batch with a lease of
/// its own, and sends them. The instance that ends its pass with nothing
/// left to claim, no batch open anywhere and no message unsent is the last
/// one: it closes the run and writes the owner's report.
{
public:
	enum class Role
	{
		START,         /// no run for the week (or a forced re-send): create it and plan it
		PLAN,          /// an unplanned run whose planner's lease ran out: plan it
		WAIT_FOR_PLAN, /// another instance is planning the run: help once the plan is written
		HELP,          /// the plan is written and the run is open (or waits for retries): claim batches
		ALREADY_DONE   /// the week has its run
	};

	struct Found
	/// The week's latest run as this instance finds it.
	{
		bool exists = false;
		std::string state;      /// running | waiting | done
		bool planned = false;   /// its messages are written
		std::string leaseUntil; /// the planning lease's end (ISO 8601 UTC, empty when none)
	};

	static Role role(const Found& found, const std::string& now, bool force);

	static bool live(const std::string& leaseUntil, const std::string& now);
	/// A lease is live until its end (ISO 8601 UTC texts compare in time order).

	struct End
	/// What an instance that has nothing left to claim does with the run.
	{
		bool finish = false;    /// it is the last one: close the run and write the report
		std::string state;      /// finish: waiting (retries pending) | done
		std::string reportKind; /// finish: first | final
	};

	static End end(int openBatches, int unsent, bool retriesLeft);
	/// `openBatches`: batches of the run still open (being sent, or waiting
	/// for a takeover after their holder died); `unsent`: messages pending or
	/// sending. Either one means another instance has work in hand: this one
	/// leaves, and the last to finish ends the run.
};


} // namespace reminders


#endif // Reminders_RunSharing_INCLUDED
