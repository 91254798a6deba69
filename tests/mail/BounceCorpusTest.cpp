//
// BounceCorpusTest.cpp
//
// Every sample of tests/bounces/samples read by BounceParser against the
// row of tests/bounces/expected.tsv that names it; and damaged input that
// must never throw.
//


#include "plugin/mail/BounceParser.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/StringTokenizer.h>
#include <cppunit/extensions/HelperMacros.h>
#include <set>


using reminders::BounceParser;
using reminders::BounceReport;


namespace {

std::string folder()
{
	return std::string(ERP_SOURCE_DIR) + "/tests/bounces";
}

std::string read(const std::string& path)
{
	Poco::FileInputStream in(path);
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	return text;
}

std::string orDash(const std::string& text)
{
	return text.empty() ? "-" : text;
}

} // namespace


class BounceCorpusTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(BounceCorpusTest);
	CPPUNIT_TEST(testEverySampleReadsAsExpected);
	CPPUNIT_TEST(testEverySampleHasItsRow);
	CPPUNIT_TEST(testDamagedInputNeverThrows);
	CPPUNIT_TEST(testAReplyIsNeverABounce);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEverySampleReadsAsExpected()
	{
		int rows = 0;
		for (const auto& row: table())
		{
			++rows;
			const std::string& file = row[0];
			const BounceReport report = BounceParser::parse(read(folder() + "/samples/" + file));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": kind", row[1], std::string(BounceReport::name(report.kind)));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": format", row[2], report.format);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": permanent", row[3], std::string(report.permanent() ? "yes" : "no"));
			const std::string recipient = report.recipients.empty() ? "" : report.recipients.front().address;
			const std::string status = report.recipients.empty() ? "" : report.recipients.front().status;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": recipient", row[4], orDash(recipient));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": status", row[5], orDash(status));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": original Message-ID", row[6], orDash(report.originalMessageId));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(file + ": addressed to", row[7],
										 orDash(report.addressedTo.empty() ? "" : report.addressedTo.front()));
			if (report.kind == BounceReport::Kind::BOUNCE)
				CPPUNIT_ASSERT_MESSAGE(file + ": a bounce names its reason",
									   !report.recipients.front().diagnostic.empty() ||
										   !report.recipients.front().status.empty() || report.format != "rfc3464");
		}
		CPPUNIT_ASSERT(rows >= 14);
	}

	void testEverySampleHasItsRow()
	{
		std::set<std::string> listed;
		for (const auto& row: table())
			listed.insert(row[0]);
		std::set<std::string> present;
		for (Poco::DirectoryIterator it(folder() + "/samples"), end; it != end; ++it)
			present.insert(it.name());
		CPPUNIT_ASSERT((listed == present));
	}

	void testDamagedInputNeverThrows()
	{
		// Every prefix of a real bounce, and a few hostile shapes.
		const std::string sample = read(folder() + "/samples/gmail-address-not-found.eml");
		for (std::size_t length = 0; length < sample.size(); length += 37)
			BounceParser::parse(sample.substr(0, length));
		std::string nested = "Content-Type: multipart/mixed; boundary=a\n\n";
		for (int i = 0; i < 200; ++i)
			nested += "--a\nContent-Type: multipart/mixed; boundary=a\n\n";
		CPPUNIT_ASSERT_EQUAL(BounceReport::Kind::OTHER, BounceParser::parse(nested).kind);
		CPPUNIT_ASSERT_EQUAL(BounceReport::Kind::OTHER, BounceParser::parse(std::string(100000, '\n')).kind);
		CPPUNIT_ASSERT_EQUAL(BounceReport::Kind::OTHER,
							 BounceParser::parse("Content-Transfer-Encoding: base64\n\n!!!not base64!!!").kind);
		// Larger than MAXIMUM_SIZE: read up to it, the report still found.
		std::string huge = read(folder() + "/samples/postfix-user-unknown.eml");
		huge += std::string(BounceParser::MAXIMUM_SIZE, 'x');
		CPPUNIT_ASSERT_EQUAL(BounceReport::Kind::BOUNCE, BounceParser::parse(huge).kind);
	}

	void testAReplyIsNeverABounce()
	{
		// The same text as Exim's bounce, but from a person: not a bounce.
		const std::string bounce = read(folder() + "/samples/exim-text-no-dsn.eml");
		std::string reply = bounce;
		const std::string from = "From: Mail Delivery System <Mailer-Daemon@mx.hosting.example>";
		reply.replace(reply.find(from), from.size(), "From: A Customer <customer@example.com>");
		reply.replace(reply.find("Return-path: <>"), 15, "Return-path: <customer@example.com>");
		CPPUNIT_ASSERT_EQUAL(BounceReport::Kind::BOUNCE, BounceParser::parse(bounce).kind);
		// Its Auto-Submitted header still makes it an automatic answer, not a bounce.
		CPPUNIT_ASSERT_EQUAL(BounceReport::Kind::AUTO_REPLY, BounceParser::parse(reply).kind);
	}

private:
	static std::vector<std::vector<std::string>> table()
	{
		std::vector<std::vector<std::string>> rows;
		std::istringstream in(read(folder() + "/expected.tsv"));
		std::string line;
		while (std::getline(in, line))
		{
			if (line.empty() || line[0] == '#') continue;
			Poco::StringTokenizer cells(line, "\t");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(line, std::size_t(8), cells.count());
			rows.emplace_back(cells.begin(), cells.end());
		}
		return rows;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BounceCorpusTest, "mail");
